"""A tiny rate-card file whose prices are easy to check by hand."""

from __future__ import annotations

from revalo.engines.transport.rate_cards import TransportConfig, parse_transport_config

TINY = """
[[parcel]]
id = "PARCEL"
carrier = "Parcel Co"
vehicle = "van_diesel"
accepts_lithium = false
accepts_bulky = false
fuel_surcharge_pct = 10.0
weight_breaks_kg = [2, 5, 10, 30]
max_weight_kg = 30
max_length_cm = 150
max_girth_cm = 300
volumetric_kg_per_m3 = 200

[[parcel.zone]]
name = "domestic"
lanes = ["FR>FR"]
lead_time_days = 2
prices = [5.0, 8.0, 12.0, 20.0]

[[parcel.zone]]
name = "export"
lanes = ["FR>*"]
lead_time_days = 4
prices = [10.0, 16.0, 24.0, 40.0]

[[parcel]]
id = "EXPRESS-DG"
carrier = "Express Co"
vehicle = "van_diesel"
accepts_lithium = true
accepts_bulky = false
fuel_surcharge_pct = 20.0
weight_breaks_kg = [5, 30]
max_weight_kg = 30
max_length_cm = 150
max_girth_cm = 300
volumetric_kg_per_m3 = 200

[[parcel.zone]]
name = "all"
lanes = ["*>*"]
lead_time_days = 1
prices = [15.0, 30.0]

[[parcel]]
id = "BULKY"
carrier = "Two Men Co"
vehicle = "rigid_3_5_7_5t"
accepts_lithium = false
accepts_bulky = true
fuel_surcharge_pct = 0
weight_breaks_kg = [50, 150]
max_weight_kg = 150
max_length_cm = 300
max_girth_cm = 800
volumetric_kg_per_m3 = 0

[[parcel.zone]]
name = "domestic"
lanes = ["FR>FR"]
lead_time_days = 5
prices = [60.0, 100.0]

[[pallet]]
id = "PALLET"
carrier = "Pallet Co"
vehicle = "rigid_over_17t"
accepts_lithium = true
accepts_bulky = false
fuel_surcharge_pct = 0
pallet_max_kg = 500
pallet_volume_m3 = 1.5
max_pallets = 4

[[pallet.zone]]
name = "domestic"
lanes = ["FR>FR"]
lead_time_days = 3
price_per_pallet = 100.0

[[truck]]
id = "FTL"
carrier = "Haulage Co"
vehicle = "articulated_over_33t"
accepts_lithium = true
accepts_bulky = true
fuel_surcharge_pct = 0
countries = ["*"]
fixed_eur = 200.0
per_km_eur = 1.5
capacity_kg = 24000
capacity_m3 = 90
booking_days = 1
km_per_day = 600

[[fleet]]
id = "VAN"
carrier = "Own fleet"
vehicle = "van_diesel"
accepts_lithium = true
accepts_bulky = true
countries = ["FR"]
per_km_eur = 0.5
per_hour_eur = 30.0
fixed_per_day_eur = 100.0
capacity_kg = 1000
capacity_m3 = 10
speed_kmh = 50
handling_hours = 1.0
driving_hours_per_day = 9
"""


def tiny() -> TransportConfig:
    return parse_transport_config(TINY, "tiny.toml")
