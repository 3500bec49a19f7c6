#!/usr/bin/env python3
"""Writes samples/stories/housing/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Svetdom («Светлый дом»), a housing-management company
(УК) running the blocks of a new residential district (repairs and maintenance, heating, lifts and the roof, the
cleaning of stairwells and courtyards, plumbers, electricians, concierges and the office, a dispatch line and an
in-app chat, the monthly bill paid in the app, a resident app for requests, meter readings, cameras and the
barrier), which in the winter of 2033 goes through a cold snap, an 18 % rise of its service charge and a thaw
that opens its roofs, and two competitors, the old and cheap Domservis and the developer's premium Kvartaly.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if any(w in low for w in ('18 января', '18 january')):
        return [0, 1, 2, 1, 0, 0, 0, 0]
    if any(w in low for w in ('феврал', 'february')):
        return [0, 0, 1, 2, 0, 0, 0, 0]  # the hot-water schedule for mid-February, published ahead
    if any(w in low for w in ('крыш', 'кровл', 'roof', 'оттепел', 'thaw')):
        return [0, 0, 0, 0, 1, 2, 3, 3]  # the thaw from week 5
    if any(w in low for w in ('тариф', 'service charge', '18 %')):
        return [0, 0, 0, 2, 3, 2, 2, 2]  # the new service charge from 1 February (week 4)
    if any(w in low for w in ('батаре', 'радиатор', 'отоплени', 'radiator', 'heating', '+15', '+16', '+17', '16 degrees', '15 degrees', 'batarei')):
        return [1, 1, 3, 3, 2, 1, 1, 0]  # the cold snap in week 3
    if any(w in low for w in ('снег', 'snow', 'каток')):
        return [2, 2, 2, 2, 1, 1, 0, 0]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='svetdom', competitors=['domservis', 'kvartaly'], seed=20330306,
    start=dt.datetime(2033, 1, 10), weeks=8,  # Monday 10 January - Sunday 6 March 2033
    files=['svetdom_ru.txt', 'svetdom_en.txt', 'domservis.txt', 'kvartaly.txt'], extras='extras.txt',
    customer_prefix='ls-',
    places={'svetdom': ['svetdom-ofis-lesnaya', 'svetdom-dispetcherskaya'],
            'domservis': ['domservis-ofis-sadovaya'],
            'kvartaly': ['kvartaly-ofis', 'kvartaly-lobby-dom-3']},
    place_words={'диспетчер': 'dispetcherskaya', 'аварийк': 'dispetcherskaya', 'dispatch': 'dispetcherskaya',
                 'emergency': 'dispetcherskaya', 'консьерж': 'lobby-dom-3', 'concierge': 'lobby-dom-3'},
    week_weights=week_weights,
    blogs=['zhkh-prosto', 'novostroyki-obzor', 'moscow-expat-guide', 'rayon-novosti'],
    chats_ru=['zhk_severnaya_gavan', 'dom7_lesnaya_sosedi', 'roditeli_zhk_gavan'], chats_en=['expats_moscow', 'gavan_tenants_en'],
    vk_groups=['7031442', '5120983', '6402275'],
    cross_post_at=dt.timedelta(days=44, hours=21, minutes=37),  # Wednesday 23 February
    cross_post_author={'name': 'Вера Климова', 'handle': 'vera_klimova'},
    spam_authors=[{'name': 'Поверка Дома', 'handle': 'poverka_doma_2033'}, {'name': 'Сантехник 24', 'handle': 'santehnik_24_deshevo'}],
    flood_at=dt.timedelta(days=23, hours=10, minutes=48),  # Wednesday 2 February
    flood_author={'name': 'Поверка Счётчиков', 'handle': 'poverka_example'},
    duplicate_sources=['app', 'formbricks', 'telegram'],
))
