#!/usr/bin/env python3
"""Writes samples/stories/flowers/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Lepestok («Лепесток»), a chain of flower shops in
Nizhny Novgorod with its own online shop, app and couriers (bouquets and their freshness, the assortment and
seasonal stock, delivery windows, florists at the counter, holiday prices, replacements and refunds for wilted
bouquets, loyalty points, payment, a chat and a hotline, the shops and their parking), which on 9 February 2037,
the week of Valentine's day, moves its stock to a new supplier and a new out-of-town hub with a contract courier
service (weeks 3-5: frozen and late bouquets, roses that wilt in a day, an app that falls over, a hotline nobody
answers, refunds that wait for weeks), brings its own couriers back on 24 February and gets 8 March mostly right
(weeks 6-8), and two competitors, the premium boutique Florateka and the cheap online delivery TsvetOFF.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date or a holiday: placed after it (weeks start on Mondays 26 January ... 16 March)
        (('успевают',), [0, 0, 0, 1, 3, 0, 0, 0]),  # a question asked before 8 March
        (('14 февраля', 'валентин', 'valentine', '14 feb', '13 февраля', '13 feb'), [0, 0, 0, 5, 2, 0, 0, 0]),
        (('8 марта', '8 march', 'march 8', 'march 7', '7 марта'), [0, 0, 0, 0, 0, 0, 4, 1]),
        (('23 февраля', '23 feb'), [0, 0, 0, 0, 3, 0, 0, 0]),
        (('третью неделю', 'three weeks', 'две недели', 'two weeks', 'a month'), [0, 0, 0, 0, 2, 3, 2, 1]),
        (('новый поставщик', 'нового поставщика', 'new supplier', 'new hub', 'подрядчик', 'contractor'), [0, 0, 2, 3, 3, 2, 1, 0]),
        (('вернули своих курьеров', 'own couriers back', 'исправились', 'стало лучше', 'наконец-то'), [0, 0, 0, 0, 1, 2, 3, 3]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'lepestok' and 'ret-' in codes:
        return [0, 0, 1, 3, 3, 3, 2, 1]  # claims for the February bouquets wait for weeks
    if brand == 'lepestok' and ('q-' in codes or 'd-' in codes or 'su-' in codes or 'ap-' in codes):
        return [1, 1, 4, 4, 3, 2, 1, 1]  # the new supplier and hub from 9 February
    if brand == 'lepestok' and ('q+' in codes or 'd+' in codes):
        return [3, 2, 1, 1, 2, 3, 3, 3]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='lepestok', competitors=['florateka', 'tsvetoff'], seed=20370322,
    start=dt.datetime(2037, 1, 26), weeks=8,  # Monday 26 January - Sunday 22 March 2037
    files=['lepestok_ru.txt', 'lepestok_en.txt', 'florateka.txt', 'tsvetoff.txt'], extras='extras.txt',
    customer_prefix='lp-',
    places={'lepestok': ['lepestok-pokrovskaya', 'lepestok-rozhdestvenskaya', 'lepestok-gagarina', 'lepestok-sormovo',
                         'lepestok-nebo'],
            'florateka': ['florateka-varvarskaya', 'florateka-belinskogo'],
            'tsvetoff': ['tsvetoff-warehouse']},
    place_words={'покровск': 'pokrovskaya', 'pokrovskaya': 'pokrovskaya', 'рождественск': 'rozhdestvenskaya',
                 'rozhdestvenskaya': 'rozhdestvenskaya', 'гагарина': 'gagarina', 'gagarina': 'gagarina',
                 'сормов': 'sormovo', 'sormovo': 'sormovo', '«небо»': 'nebo', 'nebo mall': 'nebo',
                 'варварск': 'varvarskaya', 'белинского': 'belinskogo', 'belinskogo': 'belinskogo'},
    week_weights=week_weights,
    blogs=['nn-gorod-zhizn', 'tsvety-i-lyudi', 'expat-nn-notes'],
    chats_ru=['sosedi_verkhnie_pechery', 'mamy_nn', 'novostroyki_sormovo'], chats_en=['expats_nizhny', 'unn_intl_students'],
    vk_groups=['4419027', '7730152', '2258841'],
    cross_post_at=dt.timedelta(days=19, hours=10, minutes=12),  # Saturday 14 February 2037
    cross_post_author={'name': 'Дарья Кольцова', 'handle': 'dasha_koltsova'},
    spam_authors=[{'name': 'Цветы Оптом', 'handle': 'tsvety_optom_nn'}, {'name': 'Розы Даром', 'handle': 'rozy_darom'}],
    flood_at=dt.timedelta(days=38, hours=19, minutes=41),  # Thursday 5 March 2037
    flood_author={'name': 'Букеты 101', 'handle': 'bukety_101_example'},
    duplicate_sources=['app', 'typeform', 'telegram'],
))
