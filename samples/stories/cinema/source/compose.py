#!/usr/bin/env python3
"""Writes samples/stories/cinema/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Kadr («Кадр»), a chain of cinemas in shopping malls
(the halls, the big MAX hall, picture and sound, seats, the cleaning of halls and toilets, the bar and its queue,
ushers, cashiers and cleaners, ticket prices, a bonus card, a ticket app with seat maps and QR tickets, a chat and
a phone line, the malls' car parks), which in the autumn of 2033 launches a new app (week 2), raises its weekend
prices (week 3) and loses the premiere night of a blockbuster to a projector failure (Thursday 3 November, week 5),
and two competitors, the old and cheap Prozhektor and the premium Velvet with recliners. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if any(w in low for w in ('16 дней', '16 days', 'уже месяц', 'a month')):
        return [0, 0, 0, 0, 0, 0, 1, 1]  # written two weeks or more after the failed premiere
    if any(w in low for w in ('12-й', 'day 12', 'две недели', 'two weeks')):
        return [0, 0, 0, 0, 0, 1, 1, 0]
    if 'расписание на ноябрь' in low:
        return [0, 0, 1, 2, 0, 0, 0, 0]  # announced ahead of the premiere
    if any(w in low for w in ('за октябрь', 'for october')):
        return [0, 0, 0, 0, 1, 1, 1, 0]
    if any(w in low for w in ('ветр', 'northwind', 'премьер', 'premiere', 'отмен', 'cancel', 'сорвал')):
        return [0, 0, 0, 0, 3, 3, 2, 1]  # the failed premiere on Thursday 3 November (week 5) and its refunds
    if any(w in low for w in ('ноябр', 'november')):
        return [0, 0, 1, 2, 2, 0, 0, 0]
    if any(w in low for w in ('выходн', 'weekend', 'суббот', 'saturday', '750', '30%', 'подорожа', 'подняли цены', 'поднял цены', 'put weekend', 'prices went up', 'цены выросли')):
        return [0, 0, 2, 3, 2, 2, 2, 2]  # the weekend price rise from week 3
    if brand == 'kadr' and any(w in low for w in ('приложени', 'app', 'обновлени', 'update', 'qr')):
        return [0, 3, 3, 2, 2, 2, 1, 1]  # the new app from week 2
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='kadr', competitors=['prozhektor', 'velvet'], seed=20331127,
    start=dt.datetime(2033, 10, 3), weeks=8,  # Monday 3 October - Sunday 27 November 2033
    files=['kadr_ru.txt', 'kadr_en.txt', 'prozhektor.txt', 'velvet.txt'], extras='extras.txt',
    customer_prefix='kd-',
    places={'kadr': ['kadr-tc-rassvet', 'kadr-tc-galaktika', 'kadr-severnaya'],
            'prozhektor': ['prozhektor-tc-zarya'],
            'velvet': ['velvet-tc-novy-gorod']},
    place_words={'северн': 'severnaya', 'severn': 'severnaya', 'рассвет': 'tc-rassvet', 'rassvet': 'tc-rassvet'},
    week_weights=week_weights,
    blogs=['kino-v-gorode', 'tc-obzor', 'expat-weekends', 'afisha-rayona'],
    chats_ru=['kinomany_goroda', 'mamy_rayona_chat', 'studenty_kino'], chats_en=['expats_city_chat', 'ov_cinema_club'],
    vk_groups=['8120344', '4471902', '6630118'],
    cross_post_at=dt.timedelta(days=32, hours=10, minutes=14),  # Friday 4 November, the morning after the premiere
    cross_post_author={'name': 'Олег Ветров', 'handle': 'oleg_vetrov_kino'},
    spam_authors=[{'name': 'Кино HD', 'handle': 'kino_hd_free_2033'}, {'name': 'Билеты Дёшево', 'handle': 'bilety_deshevo_kino'}],
    flood_at=dt.timedelta(days=19, hours=19, minutes=31),  # Saturday 22 October
    flood_author={'name': 'Кино Скидки', 'handle': 'kino_skidki_example'},
    duplicate_sources=['app', 'typeform', 'twitter'],
))
