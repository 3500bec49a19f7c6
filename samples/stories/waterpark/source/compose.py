#!/usr/bin/env python3
"""Writes samples/stories/waterpark/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Volna («Волна»), an indoor water park in Yekaterinburg
with a small Volna Kids park in a mall (slides and pools, water temperature and cleanliness, changing rooms and
wristband lockers, queues at the entrance and to the slides, lifeguards, instructors and cashiers, a café, tickets,
family tickets and season passes, online tickets and an app, refunds for closed slides, parking and buses), whose
boiler breaks on 18 October 2038 (cold water for a week), whose two biggest slides are closed for repairs (and a third rebuilt)
from 18 October to 14 November, whose autumn school holidays (30 October - 7 November) bring hour-long queues, and
which puts in new wristband lockers in November; and two competitors, the old, cheap city aqua-centre Laguna and
the resort water park Tropikana outside the city. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date or an event: placed after it (weeks start on Mondays 4 October ... 22 November)
        (('новый «торнадо»', 'после ремонта', 'renovated', 'reopened', 'снова работают', 'новые шкафчики', 'new lockers',
          'new wristband lockers', '15 ноября'), [0, 0, 0, 0, 0, 0, 3, 3]),
        (('каникул', 'holidays', '2 ноября', '6 ноября'), [0, 0, 0, 0, 3, 3, 0, 0]),  # school holidays 30 Oct - 7 Nov
        (('23 октября', '24 октября', '24 october', '15 октября'), [0, 0, 0, 2, 3, 3, 1, 0]),
        (('котельн', 'boiler', 'heating', 'холодн', 'ледян', '22 градус', '22°c', '22 degrees', 'cold', 'chilly',
          'прохладн', 'замёрзли', 'посинел'), [0, 0, 4, 2, 1, 0, 0, 0]),  # the boiler breaks on 18 October
        (('закрыт', 'closed', 'на ремонт', 'repair', 'не работа', 'were down', 'верните уже'),
         [0, 0, 3, 3, 3, 3, 0, 0]),  # the two big slides shut 18 Oct - 14 Nov
        (('камикадзе', 'kamikaze', 'чёрная дыра', 'чёрную дыру', 'black hole', 'торнадо', 'tornado'),
         [3, 3, 0, 0, 0, 0, 2, 2]),  # the big slides running
        (('подорожал', '1 ноября'), [0, 0, 0, 0, 2, 3, 3, 2]),  # season passes dearer from 1 November
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'volna' and ('ret-' in codes or 'su-' in codes):
        return [0, 1, 2, 3, 3, 3, 2, 1]  # refund claims for the cold week and the closed slides
    if brand == 'volna' and 'w-' in codes:
        return [1, 1, 2, 2, 4, 4, 1, 1]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='volna', competitors=['laguna', 'tropikana'], seed=20381121,
    start=dt.datetime(2038, 10, 4), weeks=8,  # Monday 4 October - Sunday 28 November 2038
    files=['volna_ru.txt', 'volna_en.txt', 'laguna.txt', 'tropikana.txt'], extras='extras.txt',
    customer_prefix='vo-',
    places={'volna': ['volna-akademicheskiy', 'volna-akademicheskiy', 'volna-akademicheskiy', 'volna-kids-grinvich'],
            'laguna': ['laguna-uralmash'],
            'tropikana': ['tropikana-resort']},
    place_words={'kids': 'kids-grinvich', '«гринвич': 'kids-grinvich', 'grinvich': 'kids-grinvich'},
    week_weights=week_weights,
    blogs=['ekb-s-detmi', 'vyhodnye-ekb', 'expat-yekaterinburg-notes'],
    chats_ru=['mamy_ekb', 'sosedi_akademicheskiy', 'ekb_vyhodnye_chat'], chats_en=['expats_yekaterinburg', 'urfu_intl_students'],
    vk_groups=['4471902', '6038815', '1926644'],
    cross_post_at=dt.timedelta(days=31, hours=21, minutes=5),  # Thursday 4 November 2038
    cross_post_author={'name': 'Оксана Мельникова', 'handle': 'oksana_melnikova66'},
    spam_authors=[{'name': 'Билеты Дёшево', 'handle': 'bilety_vezde_deshevo'}, {'name': 'Бассейн Под Ключ', 'handle': 'bassein_pod_klyuch'}],
    flood_at=dt.timedelta(days=46, hours=19, minutes=22),  # Friday 19 November 2038
    flood_author={'name': 'Аква Билеты', 'handle': 'akva_bilety_example'},
    duplicate_sources=['google', 'typeform', 'vk'],
))
