#!/usr/bin/env python3
"""Writes samples/stories/optics/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Zorko («Зорко»), a chain of optician shops in Kazan
(eye tests by optometrists, frames and lenses made in a lab and ready on a date, contact lenses delivered from an
online shop and an app, a loyalty card, returns and warranty re-makes, payment, shops in malls and on the street),
which from 18 October 2038 sends its lens orders to a new central lab (weeks 3-6: glasses ready in two or three
weeks instead of three days, lenses made wrong and re-made, a new courier for contact lenses, an overloaded
hotline, lost loyalty points after a site update), catches up from mid-November, and runs a frames sale in the
last week; and two competitors, the discount optician Ochkarik and the online contact-lens store Linzomat.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date or an event: placed after it (weeks start on Mondays 4 October ... 22 November)
        (('чёрная пятница', 'акция −30', '−30 %', 'sale weekend', '30% off'), [0, 0, 0, 0, 0, 0, 0, 1]),  # the frames sale
        (('открыли новый салон',), [0, 1, 0, 0, 0, 0, 0, 0]),  # the Tandem shop opens in the second week
        (('9-е', '8 november', '12 ноября'), [0, 0, 0, 0, 0, 2, 1, 0]),
        (('ноябр', 'november', 'nov ', '6 ноября', '9-е', '4 ноября', '8 november'), [0, 0, 0, 0, 2, 3, 3, 1]),
        (('22 октября', '20 октября', '19 октября', 'oct 22', '25 october'), [0, 0, 0, 2, 3, 3, 1, 0]),
        (('лаборатор', ' lab', 'переделк', 'переделыва', 'remake', 'три недели', 'three weeks', 'две недели', 'two weeks',
          '16 дней', '17 дней', '18 days', 'месяц'), [0, 0, 3, 3, 3, 3, 1, 1]),
        (('обновлени', 'update', 'новый сайт'), [0, 0, 3, 3, 2, 1, 1, 0]),
        (('тандем', 'tandem'), [0, 1, 2, 2, 2, 2, 2, 2]),  # the new shop opens in the second week
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'zorko' and ('d-' in codes or 'su-' in codes or 'ret-' in codes):
        return [1, 1, 3, 4, 4, 3, 1, 1]  # the new lab and the new courier from 18 October
    if brand == 'zorko' and ('d+' in codes or 'ret+' in codes):
        return [3, 3, 1, 1, 1, 2, 3, 3]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='zorko', competitors=['ochkarik', 'linzomat'], seed=20381128,
    start=dt.datetime(2038, 10, 4), weeks=8,  # Monday 4 October - Sunday 28 November 2038
    files=['zorko_ru.txt', 'zorko_en.txt', 'ochkarik.txt', 'linzomat.txt'], extras='extras.txt',
    customer_prefix='zo-',
    places={'zorko': ['zorko-baumana', 'zorko-koltso', 'zorko-mega', 'zorko-tandem', 'zorko-pobedy', 'zorko-yamasheva'],
            'ochkarik': ['ochkarik-park-house', 'ochkarik-chistopolskaya'],
            'linzomat': ['linzomat-legal-address']},
    place_words={'баумана': 'baumana', 'bauman': 'baumana', '«кольц': 'koltso', 'koltso': 'koltso', '«мег': 'mega',
                 'mega': 'mega', '«тандем': 'tandem', 'tandem': 'tandem', 'победы': 'pobedy', 'pobedy': 'pobedy',
                 'ямашева': 'yamasheva', 'yamasheva': 'yamasheva', 'парк хаус': 'park-house'},
    week_weights=week_weights,
    blogs=['kazan-glaza', 'ochki-i-mysli', 'expat-kazan-notes'],
    chats_ru=['sosedi_novo_savinovsky', 'mamy_kazani', 'kazan_avto_chat'], chats_en=['expats_kazan', 'kfu_intl_students'],
    vk_groups=['5518203', '2790441', '8863057'],
    cross_post_at=dt.timedelta(days=39, hours=20, minutes=12),  # Friday 12 November 2038
    cross_post_author={'name': 'Тимур Хасанов', 'handle': 'timur_khasanov16'},
    spam_authors=[{'name': 'Линзы Оптом', 'handle': 'linzy_optom_deshevo'}, {'name': 'Зрение 100', 'handle': 'zrenie_100_proc'}],
    flood_at=dt.timedelta(days=45, hours=22, minutes=41),  # Thursday 18 November 2038
    flood_author={'name': 'Зрение Без Очков', 'handle': 'zrenie_bez_ochkov_example'},
    duplicate_sources=['site', 'typeform', 'telegram'],
))
