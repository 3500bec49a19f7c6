#!/usr/bin/env python3
"""Writes samples/stories/cosmetics/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Blesk («Блеск»), a chain of cosmetics and perfume shops in
Nizhny Novgorod with an online store and an app (the range of brands and shades, testers, items out of stock, genuine
vs fake, skin reactions and product quality, consultants in the shops, prices and discounts, the loyalty card and its
points, online orders, pick-up in the shops and courier delivery, damaged parcels, returns of opened items, payment,
queues at the till, the shops' look and location), which on 21 November 2039 hands its courier orders to a new
delivery partner for the Black Friday sale (weeks 4-6: late and crushed parcels, broken perfume bottles, a hotline
that cannot cope, refunds for the damaged orders that take weeks) and brings the orders back to its own couriers from
12 December (weeks 7-8, the New Year gift season); and two competitors, the cosmetics chain Pudra and the online
discounter GlowBox. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date or an event: placed after it (weeks start on Mondays 31 October ... 19 December)
        (('чёрная пятница', 'чёрную пятницу', 'black friday'), [0, 0, 0, 3, 2, 1, 0, 0]),
        (('новый год', 'новогодн', 'new year', 'christmas', 'подар', 'gift'), [0, 0, 0, 0, 1, 2, 3, 3]),
        (('новая служба', 'новой службы', 'новый курьер', 'new courier', 'new delivery'), [0, 0, 0, 3, 3, 2, 0, 0]),
        (('снова свои', 'вернули своих', 'own couriers again', 'back to normal'), [0, 0, 0, 0, 0, 0, 3, 3]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'blesk' and ('d-' in codes or 'ret-' in codes or 'su-' in codes):
        return [1, 1, 1, 4, 4, 3, 1, 1]  # the new delivery partner from 21 November
    if brand == 'blesk' and 'd+' in codes:
        return [3, 3, 2, 1, 1, 1, 3, 3]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='blesk', competitors=['pudra', 'glowbox'], seed=20391225,
    start=dt.datetime(2039, 10, 31), weeks=8,  # Monday 31 October - Sunday 25 December 2039
    files=['blesk_ru.txt', 'blesk_en.txt', 'pudra.txt', 'glowbox.txt'], extras='extras.txt',
    customer_prefix='bl-',
    places={'blesk': ['blesk-pokrovka', 'blesk-fantastika', 'blesk-nebo', 'blesk-avtozavod', 'blesk-gorkovskaya'],
            'pudra': ['pudra-rozhdestvenskaya', 'pudra-nebo'],
            'glowbox': ['glowbox-pickup-sormovo']},
    place_words={'покровк': 'pokrovka', 'pokrovka': 'pokrovka', 'фантастик': 'fantastika', 'fantastika': 'fantastika',
                 '«небо»': 'nebo', 'небе': 'nebo', 'nebo': 'nebo', 'автозавод': 'avtozavod', 'avtozavod': 'avtozavod',
                 'горьковск': 'gorkovskaya', 'gorkovskaya': 'gorkovskaya'},
    week_weights=week_weights,
    blogs=['beauty-nn-blog', 'kosmetichka-52', 'expat-nizhny-notes'],
    chats_ru=['mamy_nn', 'beauty_chat_52', 'sosedi_pokrovka'], chats_en=['expats_nizhny', 'unn_intl_students'],
    vk_groups=['7120553', '4418902', '8835016'],
    cross_post_at=dt.timedelta(days=25, hours=20, minutes=14),  # Friday 25 November 2039
    cross_post_author={'name': 'Ксения Белова', 'handle': 'ksu_belova52'},
    spam_authors=[{'name': 'Люкс Парфюм Опт', 'handle': 'lux_parfum_opt'}, {'name': 'Glow Deals', 'handle': 'glow_deals_24'}],
    flood_at=dt.timedelta(days=39, hours=22, minutes=3),  # Friday 9 December 2039
    flood_author={'name': 'Реплики Духов', 'handle': 'repliki_duhov_example'},
    duplicate_sources=['site', 'typeform', 'vk'],
))
