"""The figures the demo scenario draws from, with where they come from.

Figures marked "(verify)" come from secondary sources (industry blogs citing surveys) and
were not read in their primary source; the others name their primary source. Where no
public figure was found the value is the demo's own assumption and says so.

Sources:
- [NRF]  NRF / Appriss Retail, Consumer Returns in the Retail Industry 2023: 14.5 % of sales
  returned, 17.6 % online.
- [BENCH] return rate benchmarks by category: apparel 20-30 % (shoes 25-35 %), electronics
  8-12 %, home goods 10-15 %, furniture 5-10 %; top reasons fit/size 30-40 %, "did not match
  expectations" 20-30 %, damaged in shipping 10-15 % (getattribute.com and
  bestforecommerce.com benchmark pages, 2025-2026) (verify).
- [ACC]  Accenture (2008), reported by The Register, 3 Jun 2008: 68 % of electronics returned
  as faulty work ("no fault found"), 27 % buyer's remorse, 5 % real malfunctions; electronics
  return rates 11-20 % (verify).
- [OPT]  Optoro (2020): 50 % of processed returns back to stock, 25 % return-to-vendor,
  15 % wholesale, 7 % secondary market, 3 % landfill (Optoro, 2020 impact report). The
  disposition rule table (``rules.py``) is tuned to land near these shares; the demo prints
  what it got.
"""

from __future__ import annotations

from revalo.domain.returns import ReturnReason as R

#: Share of the retailer's online sales (units) by category, and the share of those sold
#: units that come back. Sales mix: the demo's assumption for a retailer strong in electronics
#: and home appliances with furniture and apparel lines. Return rates: apparel and shoes
#: [BENCH], electronics [BENCH][ACC], large appliances (costly collection, few changes of
#: mind) and furniture [BENCH] at the low end. With this mix about 12.4 % of units sold come
#: back: below [NRF]'s 17.6 % online average, as the mix leans to goods returned less often
#: than clothes.
SALES_AND_RETURN_RATE: dict[str, tuple[float, float]] = {
    # category: (share of units sold, return rate)
    "laptop": (0.07, 0.11),
    "phone": (0.11, 0.10),
    "tablet": (0.06, 0.09),
    "tv": (0.07, 0.08),
    "printer": (0.05, 0.08),
    "washing_machine": (0.04, 0.04),
    "fridge": (0.03, 0.04),
    "small_appliance": (0.12, 0.08),
    "power_tool": (0.07, 0.07),
    "sofa": (0.03, 0.07),
    "mattress": (0.04, 0.09),
    "chair": (0.05, 0.08),
    "coat": (0.06, 0.26),
    "shoes": (0.08, 0.30),
    "t_shirt": (0.12, 0.20),
}

#: Share of returned units that come from business accounts at the end of a lease (office
#: copiers, printers and laptops). The demo's assumption.
B2B_UNIT_SHARE = 0.08
#: What a business account sends back, by category (the demo's assumption).
B2B_MIX = {"laptop": 0.70, "printer": 0.18, "copier": 0.12}

#: Why consumers send a product back, by family. Fit and size dominate apparel [BENCH];
#: "does not work" claims on electronics are mostly no fault found [ACC]; large items are
#: more often damaged in delivery [BENCH]. The split within each family is the demo's.
REASONS: dict[str, dict[R, float]] = {
    "apparel": {
        R.WITHDRAWAL: 0.78,
        R.NOT_AS_DESCRIBED: 0.09,
        R.DEFECTIVE: 0.04,
        R.WRONG_ITEM: 0.04,
        R.DAMAGED_IN_TRANSIT: 0.02,
        R.OTHER: 0.03,
    },
    "electronics": {
        R.WITHDRAWAL: 0.48,
        R.DEFECTIVE: 0.22,
        R.WARRANTY_REPAIR: 0.06,
        R.NOT_AS_DESCRIBED: 0.10,
        R.DAMAGED_IN_TRANSIT: 0.06,
        R.WRONG_ITEM: 0.04,
        R.OTHER: 0.04,
    },
    "large_appliance": {
        R.WITHDRAWAL: 0.22,
        R.DEFECTIVE: 0.30,
        R.WARRANTY_REPAIR: 0.08,
        R.DAMAGED_IN_TRANSIT: 0.22,
        R.NOT_AS_DESCRIBED: 0.10,
        R.WRONG_ITEM: 0.05,
        R.OTHER: 0.03,
    },
    "small_appliance": {
        R.WITHDRAWAL: 0.45,
        R.DEFECTIVE: 0.28,
        R.DAMAGED_IN_TRANSIT: 0.08,
        R.NOT_AS_DESCRIBED: 0.10,
        R.WRONG_ITEM: 0.05,
        R.OTHER: 0.04,
    },
    "furniture": {
        R.WITHDRAWAL: 0.33,
        R.DAMAGED_IN_TRANSIT: 0.28,
        R.NOT_AS_DESCRIBED: 0.22,
        R.DEFECTIVE: 0.10,
        R.WRONG_ITEM: 0.05,
        R.OTHER: 0.02,
    },
}

#: Functional grade (A works ... D dead) by reason. "Defective" claims: about two thirds
#: work when tested [ACC]. The rest is the demo's assumption.
FUNCTIONAL: dict[R, tuple[float, float, float, float]] = {
    R.WITHDRAWAL: (0.90, 0.06, 0.03, 0.01),
    R.WRONG_ITEM: (0.95, 0.04, 0.01, 0.00),
    R.NOT_AS_DESCRIBED: (0.78, 0.14, 0.06, 0.02),
    R.DAMAGED_IN_TRANSIT: (0.35, 0.25, 0.25, 0.15),
    R.DEFECTIVE: (0.55, 0.12, 0.22, 0.11),
    R.WARRANTY_REPAIR: (0.30, 0.15, 0.40, 0.15),
    R.END_OF_LEASE: (0.45, 0.30, 0.15, 0.10),
    R.OTHER: (0.80, 0.12, 0.05, 0.03),
}

#: Cosmetic grade (A as new ... D heavy damage) by reason (the demo's assumption).
COSMETIC: dict[R, tuple[float, float, float, float]] = {
    R.WITHDRAWAL: (0.72, 0.20, 0.06, 0.02),
    R.WRONG_ITEM: (0.90, 0.08, 0.02, 0.00),
    R.NOT_AS_DESCRIBED: (0.60, 0.28, 0.09, 0.03),
    R.DAMAGED_IN_TRANSIT: (0.05, 0.25, 0.45, 0.25),
    R.DEFECTIVE: (0.45, 0.35, 0.15, 0.05),
    R.WARRANTY_REPAIR: (0.20, 0.45, 0.28, 0.07),
    R.END_OF_LEASE: (0.08, 0.45, 0.37, 0.10),
    R.OTHER: (0.60, 0.28, 0.09, 0.03),
}

#: Share of consumer requests made after the 14-day withdrawal period (refused by the
#: policy) and of guarantee claims made after 2 years (left for review). The demo's.
LATE_WITHDRAWAL = 0.04
LATE_GUARANTEE = 0.03
#: Authorised returns the customer never sends (kept the item after all): parcels only, as
#: a return fetched at the customer's is fetched. The demo's.
NEVER_SENT = 0.03

#: How far from its returns hub (great-circle km) the retailer's own crews collect what a
#: customer cannot post: off-lease equipment at businesses and bulky items at homes. That is
#: about 130 km by road (circuity 1.3 on motorway networks, Wang et al. 2024), under two hours
#: each way at 70 km/h, so that a round of several stops fits a 9-hour shift. Further away a
#: carrier collects: customer service books its label when the return is authorised. Inside
#: the area a return waits for the hub's collection plans, which fetch it by its due date at
#: the latest (``config/collection.toml``); the scenario takes it on that day. The demo's
#: assumption.
COLLECTION_AREA_KM = 100.0
#: Of the returns left for review, the share a manager accepts as goodwill. The demo's.
GOODWILL = 0.6

#: Parcels that come with no return authorisation, and labels too damaged to scan, as a
#: share of units received. The demo's assumption.
UNEXPECTED = 0.010
UNREADABLE = 0.005
#: Share of received units whose licence plate is scanned again at put-away.
LPN_RESCAN = 0.04

#: Work that fails: a repair that cannot be done, a refurbishment that fails its final
#: test, a data wipe that cannot be verified (the medium is then destroyed by a certified
#: recycler). The demo's assumptions.
REPAIR_FAILS = 0.12
REFURBISH_FAILS = 0.05
WIPE_FAILS = 0.005

#: Days a listed unit takes to sell, by cosmetic grade: mean of a geometric draw. The
#: demo's assumption; some units are still listed when the scenario ends.
DAYS_TO_SELL = {"A": 5.0, "B": 9.0, "C": 16.0, "D": 25.0}
#: Share of the new price a unit sold with no listing fetches (the shop's own orders), by
#: cosmetic grade: the discount marketplace's rates of config/disposition.toml (0.60,
#: 0.50, 0.35: graded resale recovers about 60 % of value, ReturnPro, verify), D as a
#: liquidation lot. Each sale draws within 15 % of it. The demo's assumption.
SALE_PRICE_SHARE = {"A": 0.60, "B": 0.50, "C": 0.35, "D": 0.10}
#: What a buyer pays of a listing's asking price, drawn uniformly: the price, or an offer up
#: to 12 % under it that the seller accepts. The demo's assumption.
OFFER_SHARE = (0.88, 1.0)
#: What a recycler pays per kg of returned goods, EUR (config/disposition.toml's
#: recycle_eur_per_kg), and the days until its statement is booked. The demo's assumption.
RECYCLER_EUR_PER_KG = 0.10
RECYCLER_STATEMENT_DAYS = 7
#: Slow stock: a unit listed on its own and still unsold after these days is sold as is to
#: a wholesale resale partner; its transit there (working days), the days until the
#: partner's statement pays for it (at the price share of its terms), the mean days until
#: the partner sells it again, and the share of the price as new its buyers pay (within the
#: graded resale's 35-60 % above). The demo's assumptions.
CLEARANCE_DAYS = 14
CLEARANCE_TRANSIT_DAYS = 2
PARTNER_STATEMENT_DAYS = 7
PARTNER_DAYS_TO_RESELL = 6.0
PARTNER_RESALE_SHARE = (0.38, 0.55)

#: Weekly shape of return requests (Monday first): people send requests on weekdays more
#: than at the weekend. The demo's assumption. Volumes also fall by 1.5 % a week after the
#: January peak of returns of gifts (UPS: 1.9 million return parcels on 2 January 2020).
WEEKDAY_SHAPE = (1.25, 1.15, 1.05, 1.0, 0.95, 0.75, 0.55)
WEEKLY_DECAY = 0.015
