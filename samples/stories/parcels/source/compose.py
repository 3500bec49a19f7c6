#!/usr/bin/env python3
"""Writes samples/stories/parcels/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Korobka («Коробка», "Korobka Express"), a parcel and
courier delivery company (couriers, parcel lockers in residential blocks, shops and offices, pick-up and drop-off
branches, tracking in an app with SMS codes, international parcels through customs, cash on delivery and card
payment, claims and compensation for lost and damaged parcels, tariffs, a hotline and a chat bot), which in the
peak season of 2033 goes through the 11.11 and Black Friday sales, a 20 % rise of its tariffs on 1 December
(week 4) and the pre-New-Year rush (weeks 6-8), and two competitors, the cheap and slow national post
Tsentrpochta and the premium express courier FlyParcel. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if any(w in low for w in ('14 ноября', 'kb1840077312')):
        return [0, 0, 0, 0, 0, 0, 1, 0]  # "35 days" after 14 November
    if any(w in low for w in ('21 november', 'five weeks')):
        return [0, 0, 0, 0, 0, 0, 0, 1]
    if any(w in low for w in ('1 декабря', '1 december', '2 декабря', '2 december', '31 декабря', '2 января')):
        return [0, 0, 0, 0, 2, 2, 2, 2]
    if any(w in low for w in ('нов', 'праздник', 'подарк', 'xmas', 'holiday', 'presents', 'декабр', 'december')):
        return [0, 0, 0, 1, 2, 3, 3, 2]  # the pre-New-Year rush
    if any(w in low for w in ('тариф', 'prices up', 'prices crept', '20%', 'повышени')):
        return [0, 0, 0, 2, 3, 2, 2, 2]  # tariffs up 20 % from 1 December (week 4)
    if any(w in low for w in ('претензи', 'claim', 'компенсац', 'compensat', 'возмещ', 'выплат')):
        return [0, 1, 1, 2, 2, 2, 3, 3]
    if any(w in low for w in ('таможн', 'customs', 'пошлин', 'duty', 'китая', 'china', 'германии', 'german')):
        return [0, 0, 1, 2, 2, 2, 2, 2]  # the new customs rules from week 3
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='korobka', competitors=['tsentrpochta', 'flyparcel'], seed=20340101,
    start=dt.datetime(2033, 11, 7), weeks=8,  # Monday 7 November 2033 - Sunday 1 January 2034
    files=['korobka_ru.txt', 'korobka_en.txt', 'tsentrpochta.txt', 'flyparcel.txt'], extras='extras.txt',
    customer_prefix='kb-',
    places={'korobka': ['korobka-otdelenie-profsoyuznaya', 'korobka-otdelenie-gagarina', 'korobka-otdelenie-sadovaya', 'korobka-otdelenie-lenina'],
            'tsentrpochta': ['tsentrpochta-otdelenie-mira'],
            'flyparcel': ['flyparcel-ofis-promzona']},
    place_words={'профсоюз': 'otdelenie-profsoyuznaya', 'profsoyuz': 'otdelenie-profsoyuznaya', 'гагарин': 'otdelenie-gagarina',
                 'gagarin': 'otdelenie-gagarina', 'садов': 'otdelenie-sadovaya', 'sadov': 'otdelenie-sadovaya',
                 'ленина': 'otdelenie-lenina', 'lenina': 'otdelenie-lenina'},
    week_weights=week_weights,
    blogs=['posylki-bez-boli', 'dostavka-obzor', 'expat-life-notes', 'malyi-biznes-blog'],
    chats_ru=['zhk_zelenyi_kvartal', 'sosedi_lenina_12', 'mamy_posyolka'], chats_en=['expats_city_chat', 'intl_students_help'],
    vk_groups=['5512077', '7208831', '3960442'],
    cross_post_at=dt.timedelta(days=50, hours=9, minutes=42),  # Tuesday 27 December
    cross_post_author={'name': 'Игорь Лазарев', 'handle': 'igor_lazarev_it'},
    spam_authors=[{'name': 'Доставка Китай', 'handle': 'dostavka_kitay_deshevo'}, {'name': 'Работа Курьером', 'handle': 'rabota_kurerom_srochno'}],
    flood_at=dt.timedelta(days=17, hours=13, minutes=6),  # Thursday 24 November
    flood_author={'name': 'Курьер Работа', 'handle': 'kurier_rabota_example'},
    duplicate_sources=['app', 'typeform', 'telegram'],
))
