"""What Revalo writes into its records, shown in French: recognised from the domain's own
wording, its values named and formatted; a person's words left as they are."""

from __future__ import annotations

import pytest

from revalo.entrypoints.web.system_texts import in_language, option_label

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("received at Returns hub Lyon", "reçue à Returns hub Lyon"),
        ("graded B/A (functional/cosmetic)", "classée B/A (fonctionnel/esthétique)"),
        ("data_wipe started", "effacement des données : commencé"),
        ("clean done; ready to leave", "nettoyage : terminé ; prête à partir"),
        ("repair failed", "réparation : échoué"),
        ("shipped from HUB-FR to REP-FR", "expédiée de HUB-FR vers REP-FR"),
        ("recycle: recycled to REC-FR", "recyclage : recyclé, vers REC-FR"),
        ("sold for 1250.00 EUR", f"vendue 1{NNBSP}250,00{NBSP}€"),
        (
            "engine: repair at REP-FR on B2B-LOT, expected net recovery -3.50 EUR",
            f"moteur : réparation chez REP-FR sur B2B-LOT, valorisation nette attendue "
            f"-3,50{NBSP}€",
        ),
        (
            "unknown product: no product has GTIN 04006381333931",
            "produit inconnu : aucun produit n'a le GTIN 04006381333931",
        ),
        (
            "unexpected: return RMA1 does not expect Lumen Air (GTIN 0952, serial LU-9)",
            "inattendu : le retour RMA1 n'attend pas Lumen Air (GTIN 0952, n° de série LU-9)",
        ),
        (
            "LPN7 was already received; it is at left the stock (sold)",
            "LPN7 a déjà été reçue ; elle est à sortie du stock (vendu)",
        ),
        (
            "line 1: the 14-day withdrawal period ended on 2026-01-03 (20 days after delivery)"
            "; line 2: wrong item: the seller's error",
            "ligne 1 : le délai de rétractation de 14 jours a pris fin le 3 janv. 2026 (20 "
            "jours après la livraison) ; ligne 2 : mauvais article : l'erreur du vendeur",
        ),
        (
            "cheapest of 2 services: PARCEL (Example Parcel Co) 9.22 EUR, 2 d, 0.97 kg CO2e; "
            "1 cannot carry it",
            f"le moins cher de 2 services : PARCEL (Example Parcel Co) 9,22{NBSP}€, 2 j, "
            "0,97 kg CO2e ; services qui ne peuvent pas le transporter : 1",
        ),
        (
            "Discount marketplace does not take grade D items",
            "Discount marketplace ne prend pas les articles de grade D",
        ),
        (
            "Atelier Mobilier does not handle the category power_tool",
            "Atelier Mobilier ne traite pas la catégorie outil électroportatif",
        ),
        (
            "no vehicle can collect it: VAN@HUB cannot fit it in a 9 h shift; TRUCK@HUB does "
            "not accept lithium batteries",
            "aucun véhicule ne peut le collecter : VAN@HUB ne peut pas le faire tenir dans un "
            "service de 9 h ; TRUCK@HUB n'accepte pas les batteries au lithium",
        ),
    ],
)
def test_what_revalo_wrote_is_shown_in_french(english: str, french: str) -> None:
    assert in_language(english, "fr") == french
    assert in_language(english, "en") == english


def test_a_persons_words_are_left_as_written() -> None:
    for typed in ("hinge broken; screen fine", "écran fissuré", "", "released early"):
        assert in_language(typed, "fr") == typed


def test_the_engines_options_name_their_route_site_and_channel() -> None:
    assert option_label("resell on DISCOUNT-MKT", "fr") == "revente sur DISCOUNT-MKT"
    assert option_label("harvest_parts at REP-IT", "fr") == "récupération de pièces chez REP-IT"
    assert option_label("restock", "fr") == "remise en stock"
    assert option_label("repair at REP-FR on B2B-LOT", "en") == "repair at REP-FR on B2B-LOT"


def test_a_capture_refused_for_several_events_names_each_in_french() -> None:
    english = (
        "nothing was captured: event 1: it happens in the future (2026-12-07T23:06:17Z); "
        "event 3: no unit of Revalo is urn:revalo:epcis:lpn:LPN000000999"
    )
    assert in_language(english, "fr") == (
        "rien n'a été reçu : événement 1 : il a lieu dans le futur (2026-12-07T23:06:17Z) ; "
        "événement 3 : aucune unité de Revalo n'est urn:revalo:epcis:lpn:LPN000000999"
    )
    assert in_language(english, "en") == english
