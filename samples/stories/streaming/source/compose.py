#!/usr/bin/env python3
"""Writes samples/stories/streaming/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Plenka («Плёнка»), an online cinema — a video-streaming
subscription with apps for TVs and phones, its own TV box delivered by courier or picked up at desks in shopping
malls, a family plan, bonus points and promo codes (the catalogue and new releases, picture and sound, buffering, the
TV and phone apps, the subscription price, auto-renewal and charges, refunds, the support chat and hotline), which
premieres its own series «Тихая гавань» / Silent Harbour on 18 September 2037, ships a TV-app update on 21 September
that crashes on many Smart TVs until a fix on 12 October, and raises the base price from 399 to 549 ₽ on 1 October
(auto-renewals at the new price, double charges, refunds that take weeks, an overloaded chat and hotline); and two
competitors, the cheap ad-supported Ekranet and the premium Seriallo. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date or an event: placed after it (weeks start on Mondays 7 September ... 26 October)
        (('3 октября', '3 october', '2 october', 'for october'), [0, 0, 0, 0, 3, 3, 2, 1]),
        (('549', 'подорож', 'подняли цен', 'повышени', 'выросла', 'price hike', 'price went', 'after the rise',
          'raising prices', 'после октября', 'по новой цене'), [0, 0, 0, 2, 3, 3, 3, 2]),
        (('после обновления', '21 сентября', 'sept update', 'since the sept', 'три недели', 'three weeks', 'две недели',
          'hasn\'t worked'), [0, 0, 2, 3, 3, 1, 0, 0]),
        (('обновили приложение', 'после последнего обновления', 'after the last update', 'снова работает'),
         [0, 0, 0, 0, 0, 3, 3, 3]),
        (('тихая гавань', 'тихой гавани', 'тихую гавань', 'silent harbour'), [0, 2, 3, 3, 2, 2, 1, 1]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'plenka' and ('ret-' in codes or 'pay-' in codes):
        return [1, 1, 1, 3, 4, 4, 3, 2]  # charges at the new price from 1 October, refunds that wait for weeks
    if brand == 'plenka' and ('ap-' in codes or 'su-' in codes or 'w-' in codes):
        return [1, 1, 4, 4, 3, 2, 1, 1]  # the broken TV app from 21 September floods the chat and the hotline
    if brand == 'plenka' and ('ap+' in codes or 'su+' in codes):
        return [3, 3, 1, 1, 1, 2, 3, 3]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='plenka', competitors=['ekranet', 'seriallo'], seed=20370907,
    start=dt.datetime(2037, 9, 7), weeks=8,  # Monday 7 September - Sunday 1 November 2037
    files=['plenka_ru.txt', 'plenka_en.txt', 'ekranet.txt', 'seriallo.txt'], extras='extras.txt',
    customer_prefix='pl-',
    places={'plenka': ['plenka-mega-teply-stan', 'plenka-aviapark', 'plenka-evropeisky', 'plenka-kolumbus'],
            'ekranet': ['ekranet-office'],
            'seriallo': ['seriallo-office']},
    place_words={'мега': 'mega-teply-stan', 'mega': 'mega-teply-stan', 'метро': 'evropeisky', 'metro': 'evropeisky'},
    week_weights=week_weights,
    blogs=['serialomany', 'kino-doma', 'expat-moscow-screen'],
    chats_ru=['kinoklub_chat', 'sosedi_teply_stan', 'mamy_moskvy'], chats_en=['expats_moscow', 'hse_intl_students'],
    vk_groups=['5120771', '2284615', '7739402'],
    cross_post_at=dt.timedelta(days=31, hours=20, minutes=14),  # Thursday 8 October 2037
    cross_post_author={'name': 'Кирилл Фролов', 'handle': 'kirill_frolov_msk'},
    spam_authors=[{'name': 'Кино Даром', 'handle': 'kino_darom_hd'}, {'name': 'Cheap Accounts', 'handle': 'cheap_accs_24'}],
    flood_at=dt.timedelta(days=45, hours=22, minutes=3),  # Thursday 22 October 2037
    flood_author={'name': 'Премьеры Бесплатно', 'handle': 'premiery_free_example'},
    duplicate_sources=['site', 'typeform', 'vk'],
))
