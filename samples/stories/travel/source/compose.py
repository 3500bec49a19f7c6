#!/usr/bin/env python3
"""Writes samples/stories/travel/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Kompas («Компас»), a tour operator and travel agency in
Yekaterinburg with sales offices, a booking site and an app (package holidays to Turkey, Egypt, the UAE, Thailand,
Abkhazia and Russian resorts; the hotel as sold vs as found, transfers, flights changed and delayed, the agents'
advice, visas and documents, the 24/7 hotline in an emergency, prices and fuel surcharges, instalments and card
payments, refunds and cancellations, the queue at the office and on the line, a bonus programme, the offices and
their location), whose charter partner moves its Antalya flights to night slots and delays them from 20 June 2039
(weeks 3-6), which cancels its Tunisian programme on 24 June (refunds that take weeks), and whose tourists are
moved from an overbooked Side hotel in the first week of July; and two competitors, the agency chain Parus and the
online tour aggregator TripVia. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date or an event: placed after it (weeks start on Mondays 6 June ... 25 July)
        (('тунис', 'tunisia'), [0, 0, 1, 3, 3, 3, 2, 1]),  # the programme cancelled on 24 June
        (('сиде', 'side', 'переселили', 'overbook', 'moved us'), [0, 0, 0, 0, 3, 3, 2, 1]),  # first week of July
        (('ночной рейс', 'ночью', 'night flight', '3 am', 'задержк', 'delay'), [0, 0, 3, 3, 3, 3, 1, 1]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'kompas' and ('ret-' in codes or 'w-' in codes or 'su-' in codes):
        return [1, 1, 3, 4, 4, 3, 2, 1]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='kompas', competitors=['parus', 'tripvia'], seed=20390731,
    start=dt.datetime(2039, 6, 6), weeks=8,  # Monday 6 June - Sunday 31 July 2039
    files=['kompas_ru.txt', 'kompas_en.txt', 'parus.txt', 'tripvia.txt'], extras='extras.txt',
    customer_prefix='kp-',
    places={'kompas': ['kompas-vaynera', 'kompas-grinvich', 'kompas-uralmash', 'kompas-akademicheskiy'],
            'parus': ['parus-lenina', 'parus-mega'],
            'tripvia': ['tripvia-office-moskovskaya']},
    place_words={'вайнера': 'vaynera', 'vaynera': 'vaynera', 'гринвич': 'grinvich', 'greenwich': 'grinvich',
                 'уралмаш': 'uralmash', 'uralmash': 'uralmash', 'академическ': 'akademicheskiy',
                 'akademicheskiy': 'akademicheskiy', 'ленина': 'lenina', 'мега': 'mega'},
    week_weights=week_weights,
    blogs=['ural-traveller', 'puteshestvuem-s-detmi-66', 'expat-yekat-notes'],
    chats_ru=['turisty_ekb', 'mamy_ekb', 'otdyh_turcia_chat'], chats_en=['expats_yekaterinburg', 'urfu_intl_students'],
    vk_groups=['5520917', '3318044', '9024471'],
    cross_post_at=dt.timedelta(days=18, hours=2, minutes=51),  # Friday 24 June 2039, at night
    cross_post_author={'name': 'Роман Гусев', 'handle': 'roman_gusev_ekb'},
    spam_authors=[{'name': 'Горящие Туры 24', 'handle': 'goryashie_tury_24'}, {'name': 'Cheap Visa Fast', 'handle': 'cheap_visa_fast'}],
    flood_at=dt.timedelta(days=37, hours=20, minutes=41),  # Wednesday 13 July 2039
    flood_author={'name': 'Туры Даром', 'handle': 'tury_darom_example'},
    duplicate_sources=['site', 'typeform', 'vk'],
))
