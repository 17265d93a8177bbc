"""The words of the GS1 Core Business Vocabulary 2.0 (CBV) that EPCIS events use:
business steps, dispositions, business transaction types, source and destination types.

Source: GS1 Core Business Vocabulary (CBV) Standard, release 2.0, sections 7.1 to 7.4.
"""

from __future__ import annotations

#: CBV 2.0 section 7.1, business steps.
BIZ_STEPS = frozenset(
    [
        "accepting",
        "arriving",
        "assembling",
        "collecting",
        "commissioning",
        "consigning",
        "creating_class_instance",
        "cycle_counting",
        "decommissioning",
        "departing",
        "destroying",
        "disassembling",
        "dispensing",
        "encoding",
        "entering_exiting",
        "holding",
        "inspecting",
        "installing",
        "killing",
        "loading",
        "other",
        "packing",
        "picking",
        "receiving",
        "removing",
        "repackaging",
        "repairing",
        "replacing",
        "reserving",
        "retail_selling",
        "sampling",
        "sensor_reporting",
        "shipping",
        "staging_outbound",
        "stock_taking",
        "stocking",
        "storing",
        "transporting",
        "unloading",
        "unpacking",
        "void_shipping",
    ]
)
#: CBV 2.0 section 7.2, dispositions.
DISPOSITIONS = frozenset(
    [
        "active",
        "available",
        "completeness_inferred",
        "completeness_verified",
        "conformant",
        "container_closed",
        "container_open",
        "damaged",
        "destroyed",
        "dispensed",
        "disposed",
        "encoded",
        "expired",
        "in_progress",
        "in_transit",
        "inactive",
        "mismatch_class",
        "mismatch_instance",
        "mismatch_quantity",
        "needs_replacement",
        "no_pedigree_match",
        "non_conformant",
        "non_sellable_other",
        "partially_dispensed",
        "recalled",
        "reserved",
        "retail_sold",
        "returned",
        "sellable_accessible",
        "sellable_not_accessible",
        "stolen",
        "unavailable",
        "unknown",
    ]
)
#: CBV 2.0 section 7.3, business transaction types.
BIZ_TRANSACTION_TYPES = frozenset(
    [
        "bol",
        "cert",
        "desadv",
        "inv",
        "pedigree",
        "po",
        "poc",
        "prodorder",
        "recadv",
        "rma",
        "testprd",
        "testres",
        "upevt",
    ]
)
#: CBV 2.0 section 7.4, source and destination types.
SOURCE_DEST_TYPES = frozenset({"owning_party", "possessing_party", "location"})
CBV_URIS = ("urn:epcglobal:cbv", "https://ns.gs1.org/cbv/", "http://ns.gs1.org/cbv/")
