#!/usr/bin/env python3
"""Writes samples/stories/tickets/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Bilet («Билет»), an event-ticket service in Novosibirsk
with a site, an app and four box offices (concerts, theatre and sport; e-tickets and QR codes, seat maps, service
fees, cancelled and moved events and their refunds, a support chat and a hotline, stewards scanning tickets at the
venue gates, the «Бис» points programme), whose site and app fall over at the on-sale of the «Стая» stadium
concert on Thursday 15 September 2039 (double charges, a broken virtual queue), whose QR codes stop loading at the
stadium gates on the concert night, Saturday 1 October (an hour's queue at the entrance), and whose refunds for a
football match cancelled on 8 October and a theatre festival moved the same week drag on for weeks; and two
competitors, the ticket aggregator Afishka and the sports-ticketing app Tribuna. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date or an event: placed after it (weeks start on Mondays 5 September ... 24 October)
        (('возврат', 'вернул', 'вернут', 'refund', 'отмен', 'перенес', 'cancel', 'postpone', 'moved'),
         [0, 0, 0, 0, 3, 3, 3, 2]),  # the match cancelled and the festival moved in week 5
        (('ворот', 'gate', 'у входа', 'на вход', 'stadium', 'стадион', 'steward', 'контролёр'),
         [0, 0, 0, 4, 2, 1, 0, 0]),  # the concert night, Saturday 1 October
        (('вторая волна', 'второй волн', 'second wave', 'second-wave'), [0, 0, 3, 1, 0, 0, 0, 0]),
        (('продаж', 'on-sale', 'sale', 'очеред', 'queue', 'лёг', 'упал', 'crash', 'дважды', 'два раза', 'twice',
          'double', 'двойное', '15 сентября', '15 september'), [0, 4, 2, 1, 1, 1, 0, 0]),  # the on-sale, 15 September
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'bilet' and ('ap-' in codes or 'pay-' in codes or 'su-' in codes):
        return [1, 3, 2, 2, 2, 2, 1, 1]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='bilet', competitors=['afishka', 'tribuna'], seed=20391001,
    start=dt.datetime(2039, 9, 5), weeks=8,  # Monday 5 September - Sunday 30 October 2039
    files=['bilet_ru.txt', 'bilet_en.txt', 'afishka.txt', 'tribuna.txt'], extras='extras.txt',
    customer_prefix='bl-',
    places={'bilet': ['bilet-aura', 'bilet-krasny', 'bilet-galereya', 'bilet-tsentr'],
            'afishka': ['afishka-office'],
            'tribuna': ['tribuna-arena']},
    place_words={'аура': 'aura', 'aura': 'aura', 'красн': 'krasny', 'галере': 'galereya', 'центр': 'tsentr',
                 'центре': 'tsentr', 'metro': 'krasny', 'метро': 'krasny'},
    week_weights=week_weights,
    blogs=['nsk-afisha-notes', 'kuda-poyti-nsk', 'expat-in-siberia'],
    chats_ru=['konczerty_nsk', 'fanaty_stai', 'teatraly_nsk'], chats_en=['expats_novosibirsk', 'nsu_intl_students'],
    vk_groups=['4410382', '6120957', '2871630'],
    cross_post_at=dt.timedelta(days=26, hours=20, minutes=5),  # Saturday 1 October 2039, at the gates
    cross_post_author={'name': 'Глеб Сорокин', 'handle': 'gleb_sorokin_nsk'},
    spam_authors=[{'name': 'Билеты Без Очереди', 'handle': 'bilety_bez_ocheredi'}, {'name': 'Танцпол Дёшево', 'handle': 'tanzpol_deshevo'}],
    flood_at=dt.timedelta(days=39, hours=19, minutes=12),  # Friday 14 October 2039
    flood_author={'name': 'Free Tix Weekly', 'handle': 'free_tix_weekly'},
    duplicate_sources=['site', 'typeform', 'vk'],
))
