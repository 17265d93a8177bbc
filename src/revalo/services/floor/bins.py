"""A site's bins: added one by one or imported from a CSV file (all or nothing), listed
with what the ledger puts in them, printed as labels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from revalo.domain.catalog import LocationKind
from revalo.domain.errors import InvalidValue
from revalo.domain.floor.bins import Bin, BinKind, Fill
from revalo.domain.people import Permission, User
from revalo.services.common import get_site
from revalo.services.csv_records import named, read_table
from revalo.services.guard import needs, reads, record_done
from revalo.services.import_checks import RowError
from revalo.services.ports import UnitOfWork

COLUMNS = ("code", "zone", "kind", "height_m", "max_volume_m3", "max_mass_kg", "places")
REQUIRED = ("code", "zone", "kind")


class BadBinRows(InvalidValue):
    """Rows of a bin file that cannot be imported: every one named, nothing imported."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(
            f"{len(errors)} bad row(s), nothing is imported: {named(errors)}", field="csv"
        )
        self.errors = errors


def _number(text: str, column: str, *, whole: bool = False) -> float | int | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return int(text) if whole else float(text)
    except ValueError:
        kind = "a whole number" if whole else "a number"
        raise InvalidValue(f"{column} {text!r} must be {kind}", field=column) from None


def _enum_value(cls: type[LocationKind] | type[BinKind], text: str, column: str) -> str:
    value = text.strip().lower()
    allowed = [k.value for k in cls]
    if value not in allowed:
        raise InvalidValue(f"{column} {text!r} must be one of {', '.join(allowed)}", field=column)
    return value


def parse_row(site_code: str, row: dict[str, str]) -> Bin:
    """One row of a bin file as a bin of ``site_code``."""
    height = _number(row.get("height_m", ""), "height_m") or 0.0
    places = _number(row.get("places", ""), "places", whole=True)
    b = Bin.create(
        row.get("code", ""),
        zone=LocationKind(_enum_value(LocationKind, row.get("zone", ""), "zone")),
        kind=BinKind(_enum_value(BinKind, row.get("kind", ""), "kind")),
        height_m=float(height),
        max_volume_m3=_number(row.get("max_volume_m3", ""), "max_volume_m3"),
        max_mass_kg=_number(row.get("max_mass_kg", ""), "max_mass_kg"),
        places=int(places) if places is not None else None,
    )
    if b.site_code != site_code:
        raise InvalidValue(f"bin {b.code} is not at site {site_code}", field="code")
    return b


def read_bins(site_code: str, lines: Iterable[str]) -> tuple[list[tuple[int, Bin]], list[RowError]]:
    """The bins of a file with their lines, and every problem of its rows (line 1 is the
    header)."""
    rows, errors = read_table(lines, COLUMNS, REQUIRED, lambda r: parse_row(site_code, r), "bin")
    bins: list[tuple[int, Bin]] = []
    seen: dict[str, int] = {}
    for line, b in rows:
        if b.code in seen:
            errors.append(RowError(line, "code", f"{b.code} is on line {seen[b.code]} already"))
            continue
        seen[b.code] = line
        bins.append((line, b))
    return bins, sorted(errors, key=lambda e: e.line)


@needs(Permission.MANAGE_BINS)
def import_bins(uow: UnitOfWork, site_code: str, lines: Iterable[str], *, by: User) -> list[Bin]:
    """Every bin of the file is added to the site, or none: each bad row is named."""
    with uow:
        site = get_site(uow, site_code)
        rows, errors = read_bins(site.code, lines)
        taken = uow.floor.existing_locations({b.code for _, b in rows})
        errors += [
            RowError(n, "code", f"{b.code} exists already") for n, b in rows if b.code in taken
        ]
        if errors:
            raise BadBinRows(sorted(errors, key=lambda e: e.line))
        bins = [b for _, b in rows]
        for b in bins:
            uow.floor.add_bin(b)
        record_done(uow, by, "import_bins", site.code, detail=f"{len(bins)} bins")
        uow.commit()
    return bins


@dataclass(frozen=True, slots=True)
class BinFill:
    bin: Bin
    fill: Fill

    @property
    def share(self) -> float | None:
        """How full the bin is by its places, 0 to 1 (None: no places counted)."""
        return self.fill.units / self.bin.places if self.bin.places else None


def fills_of(uow: UnitOfWork, bins: Sequence[Bin]) -> list[BinFill]:
    fills = uow.floor.fills([b.code for b in bins])
    return [BinFill(b, fills.get(b.code, Fill())) for b in bins]


@reads(Permission.VIEW_FLOOR)
def site_bins(uow: UnitOfWork, site_code: str, *, by: User) -> list[BinFill]:
    """The site's bins by code, each with its fill from the ledger."""
    with uow:
        site = get_site(uow, site_code)
        return fills_of(uow, uow.floor.bins(site.code))


@reads(Permission.VIEW_FLOOR)
def bin_labels(uow: UnitOfWork, site_code: str, *, by: User) -> list[tuple[str, str]]:
    """What each bin label of the site shows: its code and what it is."""
    with uow:
        site = get_site(uow, site_code)
        found = uow.floor.bins(site.code)
    if not found:
        raise InvalidValue(f"site {site.code} has no bins to label", field="site_code")
    return [(b.code, describe(b)) for b in found]


def describe(b: Bin) -> str:
    parts = [b.kind.value.replace("_", " "), b.zone.value.replace("_", " ")]
    if b.height_m:
        parts.append(f"{b.height_m:g} m")
    if b.places:
        parts.append(f"{b.places} places")
    if b.max_mass_kg:
        parts.append(f"{b.max_mass_kg:g} kg")
    return ", ".join(parts)
