"""Wire-copy constructions added from the phrasing inventory, on the real spaCy model.

Each sentence is written for this test with its own names (not copied from a
gold set or from tests/extraction/phrasings.jsonl); each case asserts the
triple and status an analyst reading it would expect, and some assert what
must not come out.
"""

from __future__ import annotations

import pytest

from extraction.records import Document


def _relations(extractor, text):
    result = extractor.extract(Document(id="t", text=text))
    return {(r.subject, r.predicate, r.object): r.status for r in result.relations}


@pytest.mark.parametrize("text, triple, status", [
    # the deal's receiver as subject: offers, lawsuits and allegations from / by / of the actor
    ("Ravenna Foods rejected a takeover proposal from Oakhurst Brands on Tuesday.",
     ("Oakhurst Brands", "bids-for", "Ravenna Foods"), "asserted"),
    ("Ravenna Foods said it would accept Oakhurst Brands' improved offer.",
     ("Oakhurst Brands", "bids-for", "Ravenna Foods"), "asserted"),
    ("The board of Ravenna Foods received an approach from Oakhurst Brands last week.",
     ("Oakhurst Brands", "bids-for", "Ravenna Foods"), "asserted"),
    ("Ravenna Foods is the target of a hostile bid from Oakhurst Brands.",
     ("Oakhurst Brands", "bids-for", "Ravenna Foods"), "asserted"),
    ("Tillman Devices faces a lawsuit from Corbel Medical over a heart valve patent.",
     ("Corbel Medical", "sues", "Tillman Devices"), "asserted"),
    ("Tillman Devices denied the allegations by the Securities and Exchange Commission.",
     ("Securities and Exchange Commission", "accuses", "Tillman Devices"), "asserted"),
    ("A lawsuit by Corbel Medical against Tillman Devices was thrown out on Monday.",
     ("Corbel Medical", "sues", "Tillman Devices"), "asserted"),
    ("Corbel Medical took Tillman Devices to court over unpaid licence fees.",
     ("Corbel Medical", "sues", "Tillman Devices"), "asserted"),
    # raising and passive control: the passive subject does the infinitive
    ("Ashgrove Energy is set to buy pipeline operator Meltham Gas, people familiar with the matter said.",
     ("Ashgrove Energy", "acquires", "Meltham Gas"), "planned"),
    # the target agrees to be taken over
    ("Toy maker Pellingham Games agreed to a takeover by Quarry Hill Capital.",
     ("Quarry Hill Capital", "acquires", "Pellingham Games"), "planned"),
    ("Ashgrove Energy has agreed to sell itself to Brandreth Oil for 900 million dollars.",
     ("Brandreth Oil", "acquires", "Ashgrove Energy"), "planned"),
    # bidding contests
    ("Orrin Capital topped Belcourt Partners' offer for hotel group Fairlie Inns.",
     ("Orrin Capital", "bids-for", "Fairlie Inns"), "asserted"),
    ("Orrin Capital won the bidding war for Fairlie Inns, beating Belcourt Partners.",
     ("Orrin Capital", "outbids", "Belcourt Partners"), "asserted"),
    ("Orrin Capital won the bidding war for Fairlie Inns, beating Belcourt Partners.",
     ("Belcourt Partners", "bids-for", "Fairlie Inns"), "asserted"),
    ("Orrin Capital prevailed over Belcourt Partners in the contest for Fairlie Inns.",
     ("Orrin Capital", "outbids", "Belcourt Partners"), "asserted"),
    ("Belcourt Partners is among the bidders for Fairlie Inns.",
     ("Belcourt Partners", "bids-for", "Fairlie Inns"), "asserted"),
    ("Belcourt Partners dropped its proposal to buy Fairlie Inns on Friday.",
     ("Belcourt Partners", "bids-for", "Fairlie Inns"), "denied"),
    # amounts and stakes
    ("Wexcombe Bank will pay 2 billion euros for Harrowby Savings.",
     ("Wexcombe Bank", "acquires", "Harrowby Savings"), "planned"),
    ("Harrowby Savings, which is 40 percent owned by Wexcombe Bank, reported a loss.",
     ("Wexcombe Bank", "holds-stake-in", "Harrowby Savings"), "asserted"),
    ("Wexcombe Bank acquired a 15 percent interest in Harrowby Savings.",
     ("Wexcombe Bank", "holds-stake-in", "Harrowby Savings"), "asserted"),
    ("Wexcombe Bank bought a 9 percent stake in Harrowby Savings from Lenham Trust.",
     ("Lenham Trust", "divests", "Harrowby Savings"), "asserted"),
    ("Cardew Group, in which Wexcombe Bank is the largest shareholder, cut its dividend.",
     ("Wexcombe Bank", "holds-stake-in", "Cardew Group"), "asserted"),
    # sales of brands and units
    ("Fennick Brands sold its Glowmint brand to Arliss Consumer for 90 million dollars.",
     ("Arliss Consumer", "acquires", "Glowmint"), "asserted"),
    ("Fennick Brands has put its Glowmint unit up for sale.",
     ("Fennick Brands", "divests", "Glowmint"), "planned"),
    ("Arliss Consumer bought Glowmint from Fennick Brands.",
     ("Fennick Brands", "divests", "Glowmint"), "asserted"),
    # mergers in the passive
    ("Dunstan Rail will be merged into Caister Transport next year.",
     ("Caister Transport", "merges-with", "Dunstan Rail"), "planned"),
    # three partners: every pair
    ("Larkspur Motors, Quinton Cells and Ebbe Software announced a partnership to build chargers.",
     ("Ebbe Software", "partners-with", "Quinton Cells"), "asserted"),
    # sanctions wording
    ("Britain targeted Karsk Shipping with sanctions on Thursday.",
     ("British government", "sanctions", "Karsk Shipping"), "asserted"),
    ("Karsk Shipping was added to the US entity list on Friday.",
     ("United States government", "sanctions", "Karsk Shipping"), "asserted"),
    ("Japan restricted exports to Velmora Semiconductor last year.",
     ("Japanese government", "sanctions", "Velmora Semiconductor"), "asserted"),
    ("Sanctions against Karsk Shipping were announced by the European Union on Monday.",
     ("European Union", "sanctions", "Karsk Shipping"), "asserted"),
    # opposition to an actor's measure
    ("The Chinese government denounced Japan's export controls.",
     ("Chinese government", "opposes", "Japan"), "asserted"),
    # status from phrasal verbs, from the head of a compound, and not from a main clause with its own time
    ("Carrow Media called off talks to acquire Linnet Radio on Friday.",
     ("Carrow Media", "acquires", "Linnet Radio"), "denied"),
    ("Carrow Media is in merger talks with Linnet Radio, two sources said.",
     ("Carrow Media", "merges-with", "Linnet Radio"), "considered"),
    ("Carrow Media agreed to buy Linnet Radio a year after Linnet Radio rejected an approach from Carrow Media.",
     ("Carrow Media", "bids-for", "Linnet Radio"), "asserted"),
    # more bidding, suing and sanctioning wording
    ("Gresham Life outbid Pavia Insurance with a 2 billion pound offer for Elmstead Assurance.",
     ("Pavia Insurance", "bids-for", "Elmstead Assurance"), "asserted"),
    ("Pavia Insurance walked away from the auction for Elmstead Assurance on Monday.",
     ("Pavia Insurance", "bids-for", "Elmstead Assurance"), "denied"),
    ("Investors in Elmstead Assurance backed Gresham Life's takeover offer on Thursday.",
     ("Gresham Life", "bids-for", "Elmstead Assurance"), "asserted"),
    ("Private equity group Norland Partners is nearing a deal to buy software maker Quillby Systems.",
     ("Norland Partners", "acquires", "Quillby Systems"), "planned"),
    ("Lawyers for Carrick Airways filed a complaint against lessor Dunmore Aviation in New York.",
     ("Carrick Airways", "sues", "Dunmore Aviation"), "asserted"),
    ("The European Commission fined Oberland Telekom 300 million euros on Tuesday.",
     ("European Commission", "sanctions", "Oberland Telekom"), "asserted"),
    ("Washington blacklisted drone maker Kestrava Robotics and accused it of supplying the military.",
     ("United States government", "accuses", "Kestrava Robotics"), "asserted"),
    ("The British government slapped sanctions on three banks on Monday, including Bank Sarvan.",
     ("British government", "sanctions", "Bank Sarvan"), "asserted"),
    # a capital acting stands for its country (capitals.yaml)
    ("Canberra will challenge China's barley tariffs at the World Trade Organization.",
     ("Australia", "opposes", "China"), "planned"),
    # blocking a deal opposes its buyer; "its" after "sued X to block" is X
    ("The Federal Trade Commission sued Marlin Health to block its purchase of Ostry Clinics.",
     ("Federal Trade Commission", "opposes", "Marlin Health"), "asserted"),
    ("The Federal Trade Commission sued Marlin Health to block its purchase of Ostry Clinics.",
     ("Marlin Health", "acquires", "Ostry Clinics"), "asserted"),
    # building something together with a named firm, under a shared "will"
    ("Quinton Cells will invest 2 billion dollars in Ebbe Software and develop battery software with Ebbe Software.",
     ("Ebbe Software", "partners-with", "Quinton Cells"), "planned"),
    # headline infinitive, a list one has been on, shareholders of the target
    ("Halvard Group to buy Sorrento Foods for $2 billion.",
     ("Halvard Group", "acquires", "Sorrento Foods"), "planned"),
    ("Kestrava Robotics has been on the U.S. entity list since 2019.",
     ("United States government", "sanctions", "Kestrava Robotics"), "asserted"),
    ("Halvard Group's chief executive Maria Olsen said the deal would close in June.",
     ("Maria Olsen", "works-for", "Halvard Group"), "asserted"),
    # a holder noun before the name; coordinated speakers as "they"
    ("Sorrento Foods' top shareholder Halvard Group opposed the deal.",
     ("Halvard Group", "holds-stake-in", "Sorrento Foods"), "asserted"),
    ("Halvard Group and Pellam Snacks said on Monday they would form a joint venture in India.",
     ("Halvard Group", "partners-with", "Pellam Snacks"), "planned"),
    # amounts of goods, firmly opposed to
    ("The United States imposed 25 percent tariffs on $50 billion of Chinese goods.",
     ("United States government", "sanctions", "China"), "asserted"),
    ("Kestrava Robotics said it was firmly opposed to the decision by the U.S. Commerce Department.",
     ("Kestrava Robotics", "opposes", "US Department of Commerce"), "asserted"),
    ("The Dutch government blocked the sale of Nexvia's chip unit to Kestrava Robotics.",
     ("Dutch government", "opposes", "Kestrava Robotics"), "asserted"),
    ("Halvard Group was hit with a $2 billion lawsuit by Carraway Capital.",
     ("Carraway Capital", "sues", "Halvard Group"), "asserted"),
    # fended-off attempts, portions of a target or a holding, goods by value
    ("Last year Corrib Metals fended off a takeover attempt by Ardent Resources.",
     ("Corrib Metals", "opposes", "Ardent Resources"), "asserted"),
    ("Ardent Resources made a $9 billion offer for the rest of Corrib Metals on Monday.",
     ("Ardent Resources", "bids-for", "Corrib Metals"), "asserted"),
    ("Pellam Capital launched a hostile tender offer for all of Dunmore Steel on Monday.",
     ("Pellam Capital", "bids-for", "Dunmore Steel"), "asserted"),
    ("Marlow Group sold about two thirds of its Fenwick Motors shares in 2024.",
     ("Marlow Group", "divests", "Fenwick Motors"), "asserted"),
    ("Mexico imposed tariffs on $20 billion worth of American goods.",
     ("Mexico", "sanctions", "United States"), "asserted"),
    ("Last year Corrib Metals fended off a takeover attempt by Ardent Resources.",
     ("Ardent Resources", "bids-for", "Corrib Metals"), "asserted"),
    ("Corrib Metals rebuffed Ardent Resources' takeover attempt in 2023.",
     ("Ardent Resources", "bids-for", "Corrib Metals"), "asserted"),
    # a described first object: the list hung on the description, the second name its conjunct
    ("The Commerce Department put Harbin Optical Instruments Corp, China's biggest maker of lenses, and robot maker"
     " Skyline Robotics on its entity list.",
     ("Commerce Department", "sanctions", "Harbin Optical Instruments Corp"), "asserted"),
    # "spin-off" as three tokens
    ("Halden Steel plans a spin-off of its Corvale Metals unit.",
     ("Halden Steel", "divests", "Corvale Metals"), "planned"),
    ("Halden Steel called off the planned spin-off of Corvale Metals.",
     ("Halden Steel", "divests", "Corvale Metals"), "denied"),
    ("Dunmore Steel said it had received a non-binding offer from Pellam Capital for its coal division, Calder Coal.",
     ("Pellam Capital", "bids-for", "Calder Coal"), "asserted"),
    # suing or moving to stop a deal opposes its buyer; a veto blocks
    ("The Justice Department sued Orbis Retail in January to stop the purchase.",
     ("Justice Department", "opposes", "Orbis Retail"), "asserted"),
    ("The Federal Trade Commission had sued to stop the Orbis Retail deal.",
     ("Federal Trade Commission", "opposes", "Orbis Retail"), "asserted"),
    ("The European Commission vetoed Lumetra's purchase of Genex.",
     ("European Commission", "opposes", "Lumetra"), "asserted"),
    # titles and appointments
    ("Halberton Insurance named Ruth Keegan as chief executive on Monday.",
     ("Ruth Keegan", "works-for", "Halberton Insurance"), "asserted"),
    ("Halberton Insurance appointed Ruth Keegan chief executive, replacing Owen Pratt.",
     ("Ruth Keegan", "works-for", "Halberton Insurance"), "asserted"),
    ("Ruth Keegan was named chief executive of Halberton Insurance in March.",
     ("Ruth Keegan", "works-for", "Halberton Insurance"), "asserted"),
    ("Owen Pratt joined Halberton Insurance as chief financial officer in 2021.",
     ("Owen Pratt", "works-for", "Halberton Insurance"), "asserted"),
    ("Halberton Insurance said its chairwoman, Ruth Keegan, would retire next year.",
     ("Ruth Keegan", "works-for", "Halberton Insurance"), "asserted"),
    ("Halberton Insurance, run by chief executive Ruth Keegan, reported record profit.",
     ("Ruth Keegan", "works-for", "Halberton Insurance"), "asserted"),
])
def test_wire_construction(extractor, text, triple, status):
    found = _relations(extractor, text)
    assert triple in found, f"{triple} not in {sorted(found)}"
    assert found[triple] == status, f"{triple}: status {found[triple]}, expected {status}"


@pytest.mark.parametrize("text, absent", [
    # an offer to buy is a bid, not a purchase
    ("Belcourt Partners dropped its proposal to buy Fairlie Inns on Friday.",
     ("Belcourt Partners", "acquires", "Fairlie Inns")),
    # countering an offer is not beating it
    ("Orrin Capital countered Belcourt Partners' offer for Fairlie Inns with a higher bid.",
     ("Orrin Capital", "outbids", "Belcourt Partners")),
    # the regulator that blocks a purchase does not buy
    ("The Federal Trade Commission sued Marlin Health to block its purchase of Ostry Clinics.",
     ("Federal Trade Commission", "acquires", "Ostry Clinics")),
    # a company selling itself divests nothing
    ("Ashgrove Energy has agreed to sell itself to Brandreth Oil for 900 million dollars.",
     ("Ashgrove Energy", "divests", "Brandreth Oil")),
    # a city in the description of a business is not what was sold
    ("Tarvin Aero sold the Wichita, Kansas-based business to Holm Capital in 2005.",
     ("Tarvin Aero", "divests", "Wichita")),
    # the stake named before the noun is in that company, not in its seller
    ("Marlow Group sold its Fenwick Motors stake to Ostrava Holdings.",
     ("Ostrava Holdings", "holds-stake-in", "Marlow Group")),
    # an attempt is a bid only as a takeover or buyout attempt
    ("Corrib Metals rejected Ardent Resources' attempt to settle the pricing dispute.",
     ("Ardent Resources", "bids-for", "Corrib Metals")),
    # the receiver of an offer for its unit does not bid for the unit
    ("Dunmore Steel said it had received a non-binding offer from Pellam Capital for its coal division, Calder Coal.",
     ("Dunmore Steel", "bids-for", "Calder Coal")),
    # stopping a rival on the field is no opposition to a deal
    ("The Portland Trail Blazers stopped the Boston Celtics in the fourth quarter.",
     ("Portland Trail Blazers", "opposes", "Boston Celtics")),
    # its chairman after a preposition: the pronoun is not resolved to the sentence subject
    ("The European Union barred EU firms from dealing with its chairman, Piotr Malek.",
     ("Piotr Malek", "works-for", "European Union")),
])
def test_wire_construction_gives_no_wrong_triple(extractor, text, absent):
    found = _relations(extractor, text)
    assert absent not in found, f"unexpected {absent} in {sorted(found)}"
