#!/usr/bin/env python3
"""Writes samples/stories/taxi/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Strela, a ride-hailing service in Moscow (drivers and
their driving, the cars, pickup times, fares and surge pricing, cancellation fees, the app and its map, card
payments and holds, refunds, an in-app support chat with a bot, «искры» points and the Strela Plus
subscription, a courier option), whose November app update charges cards twice, and two competitors, the old
taxi company Yug with its own fleet and call centre and the new aggregator Mig with big promo codes.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if '14 ноября' in low and '2 декабря' in low:
        return [0, 0, 0, 0, 1, 0, 0, 0]
    if '21 ноября' in low or 'november 20' in low:
        return [0, 0, 1, 1, 1, 0, 0, 0]
    if '28 ноября' in low:
        return [0, 0, 0, 1, 1, 0, 0, 0]
    if '3 декабря' in low:
        return [0, 0, 0, 0, 1, 1, 0, 0]
    if '9 декабря' in low:
        return [0, 0, 0, 0, 0, 1, 0, 0]
    if '15 декабря' in low:
        return [0, 0, 0, 0, 0, 0, 1, 1]
    if any(w in low for w in ('новый год', 'new year', 'декабр', 'december', 'с января')):
        return [0, 0, 0, 0, 1, 2, 3, 3]  # the pre-holiday surge
    if any(w in low for w in ('обновлен', 'update', 'ноябр', 'november')):
        return [0, 0, 1, 3, 3, 2, 1, 1]  # the app update of 20 November and the double charges after it
    if brand == 'strela' and 'pay-' in codes:
        return [0, 1, 2, 3, 3, 2, 1, 1]
    if any(w in low for w in ('снег', 'snow', 'метел', 'сугроб', 'мороз')):
        return [0, 1, 2, 2, 2, 2, 2, 2]  # first snow in week 2
    return [2, 2, 2, 2, 2, 2, 3, 3]  # more rides before the holidays


compose(__file__, dict(
    brand='strela', competitors=['yug', 'mig'], seed=20281231,
    start=dt.datetime(2028, 11, 6), weeks=8,  # Monday 6 November - Sunday 31 December 2028
    files=['strela_ru.txt', 'strela_en.txt', 'yug.txt', 'mig.txt'], extras='extras.txt',
    customer_prefix='str-',
    places={'strela': ['strela-moskva', 'strela-sheremetyevo', 'strela-vnukovo'],
            'yug': ['yug-dispetcherskaya', 'yug-vnukovo'],
            'mig': ['mig-moskva']},
    place_words={'шереметьев': 'sheremetyevo', 'sheremetyevo': 'sheremetyevo', 'аэропорт': 'sheremetyevo',
                 'airport': 'sheremetyevo', 'внуков': 'vnukovo', 'vnukovo': 'vnukovo', 'диспетчер': 'dispetcherskaya'},
    week_weights=week_weights,
    blogs=['gorod-na-kolesah', 'taxi-digest-msk', 'moscow-expat-guide', 'mobilnost-obzor'],
    chats_ru=['zhk_presnya_chat', 'mamy_kuntsevo', 'moskva_poputchiki'], chats_en=['expats_moscow', 'moscow_newcomers_en'],
    vk_groups=['3312870', '5290164', '4087731'],
    cross_post_at=dt.timedelta(days=19, hours=23, minutes=4),  # Saturday 25 November
    cross_post_author={'name': 'Илья Морозов', 'handle': 'ilya_morozov'},
    spam_authors=[{'name': 'Promo Codes', 'handle': 'taxi_promo_2028'}, {'name': 'Работа водителем', 'handle': 'voditel_bez_litsenzii'}],
    flood_at=dt.timedelta(days=31, hours=16, minutes=22),  # Thursday 7 December
    flood_author={'name': 'Работа в такси', 'handle': 'rabota_taxi_example'},
    duplicate_sources=['google', 'typeform', 'twitter'],
))
