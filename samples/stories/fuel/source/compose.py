#!/usr/bin/env python3
"""Writes samples/stories/fuel/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Iskra («Искра»), a regional chain of filling stations
with a shop, a café (coffee, hot dogs, pastries), toilets and a car wash (hand wash, an automatic tunnel and
self-service bays), pay-at-the-pump in its app, points on a loyalty card, a hotline and an in-app chat, which in
the autumn of 2034 sells watered AI-95 and AI-92 at its stations on the northern highway (19-21 September,
week 3), is slow to compensate the repairs that follow (weeks 4-8) and raises its fuel prices (from week 5),
and two competitors, the national premium-fuel chain Neftika and the cheap unstaffed Tankoff.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date or a span: placed after it (weeks start on Mondays 4 September ... 23 October)
        (('три недели', 'three weeks', 'третью неделю', 'месяц', 'a month', 'five weeks', 'прошло 30', '26 сентября', '26 september'),
         [0, 0, 0, 0, 1, 3, 3, 3]),  # written weeks after the watered fuel of 19-21 September
        (('19–21', '20 сентября', '20 september', '21 сентября', '21 september', '20.09', 'since 20 september'), [0, 0, 1, 3, 2, 1, 0, 0]),
        (('3 октября', 'за сентябрь', 'в сентябре', '1 октября'), [0, 0, 0, 0, 2, 2, 0, 0]),
        (('14 октября',), [0, 0, 0, 0, 1, 0, 0, 0]),  # a closure from 10 October, announced the week before
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'iskra' and ('ret' in ' '.join(codes) or any(w in low for w in ('вода', 'water', 'водой', 'воду', 'vodoi', 'северн', 'northern', 'severn'))):
        return [0, 0, 2, 3, 2, 2, 1, 1]  # the watered fuel on the northern highway (week 3) and its claims
    if any(w in low for w in ('подняли цены', 'подняла цены', 'поднял цены', 'put prices up', 'creeping up', 'up another rouble', 'hiked',
                              '+1,40', 'третий раз за осень', 'второй раз за месяц', 'подорожани')):
        return [0, 0, 0, 0, 3, 3, 2, 2]  # the price rise from week 5
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='iskra', competitors=['neftika', 'tankoff'], seed=20341029,
    start=dt.datetime(2034, 9, 4), weeks=8,  # Monday 4 September - Sunday 29 October 2034
    files=['iskra_ru.txt', 'iskra_en.txt', 'neftika.txt', 'tankoff.txt'], extras='extras.txt',
    customer_prefix='is-',
    places={'iskra': ['iskra-azs-14-severnoe-shosse', 'iskra-azs-leningradka', 'iskra-azs-razvyazka', 'iskra-azs-u-mosta', 'iskra-azs-sadovaya'],
            'neftika': ['neftika-azs-koltso'],
            'tankoff': ['tankoff-azs-zarechnaya']},
    place_words={'северн': 'azs-14-severnoe-shosse', 'northern': 'azs-14-severnoe-shosse', 'ленинград': 'azs-leningradka',
                 'развязк': 'azs-razvyazka', 'junction': 'azs-razvyazka', 'у моста': 'azs-u-mosta', 'by the bridge': 'azs-u-mosta',
                 'садов': 'azs-sadovaya'},
    week_weights=week_weights,
    blogs=['doroga-i-kofe', 'avto-obzor-oblasti', 'expat-road-trips', 'zapravki-reiting'],
    chats_ru=['avtoklub_severnyi', 'voditeli_rayona', 'taksisty_goroda'], chats_en=['expats_city_chat', 'road_trippers_ru'],
    vk_groups=['5093381', '8216640', '4470295'],
    cross_post_at=dt.timedelta(days=36, hours=9, minutes=18),  # Tuesday 10 October
    cross_post_author={'name': 'Андрей Соколов', 'handle': 'andrey_sokolov_auto'},
    spam_authors=[{'name': 'Топливные Карты', 'handle': 'toplivnye_karty_skidka'}, {'name': 'Бензин Оптом', 'handle': 'benzin_optom_deshevo'}],
    flood_at=dt.timedelta(days=12, hours=14, minutes=2),  # Saturday 16 September
    flood_author={'name': 'Топливо Скидка', 'handle': 'toplivo_skidka_example'},
    duplicate_sources=['app', 'typeform', 'telegram'],
))
