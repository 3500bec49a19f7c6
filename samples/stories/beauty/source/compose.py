#!/usr/bin/env python3
"""Writes samples/stories/beauty/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Lokon, a chain of beauty salons in St Petersburg
(hair, nails, brows and cosmetology; masters and administrators, booking by app, phone and messenger, prices,
hygiene and sterilisation, the wait past the booked time, a club card, free redos), whose new salon in Devyatkino
and the rush before 8 March make masters run late and a video about unsterilised tools goes round the district
chats, and two competitors, the cheap walk-in chain Shpilka and the premium salon Glyanets.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if any(w in low for w in ('8 марта', '8 march', 'march 8', 'праздник', 'holiday')):
        return [0, 0, 1, 3, 3, 1, 0, 0]  # the rush before International Women's Day (Friday 8 March)
    if any(w in low for w in ('девяткин', 'devyatkino')):
        return [0, 0, 2, 2, 2, 2, 2, 2]  # the new salon opens in week 3
    if any(w in low for w in ('крафт', 'kraft', 'видео', 'video', 'стерилиз', 'steril', 'сухожар')):
        return [0, 0, 1, 3, 3, 2, 1, 1]  # the video about tools from an open tray, week 3 on
    if brand == 'lokon' and 'w-' in codes:
        return [1, 1, 2, 3, 3, 2, 1, 1]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='lokon', competitors=['shpilka', 'glyanets'], seed=20300331,
    start=dt.datetime(2030, 2, 4), weeks=8,  # Monday 4 February - Sunday 31 March 2030
    files=['lokon_ru.txt', 'lokon_en.txt', 'shpilka.txt', 'glyanets.txt'], extras='extras.txt',
    customer_prefix='lkn-',
    places={'lokon': ['lokon-petrogradskaya', 'lokon-moskovsky', 'lokon-devyatkino'],
            'shpilka': ['shpilka-kupchino', 'shpilka-prosvet'],
            'glyanets': ['glyanets-nevsky']},
    place_words={'петроград': 'petrogradskaya', 'petrogradsk': 'petrogradskaya', 'московск': 'moskovsky',
                 'moskovsky': 'moskovsky', 'девяткин': 'devyatkino', 'devyatkino': 'devyatkino', 'купчин': 'kupchino'},
    week_weights=week_weights,
    blogs=['krasota-spb', 'nogti-i-brovi', 'spb-expat-notes', 'beauty-obzor-piter'],
    chats_ru=['zhk_devyatkino_chat', 'mamy_petrogradki', 'moskovsky_sosedi'], chats_en=['expats_spb', 'spb_internationals'],
    vk_groups=['5518207', '7123409', '2298861'],
    cross_post_at=dt.timedelta(days=22, hours=20, minutes=41),  # Tuesday 26 February
    cross_post_author={'name': 'Полина Журавлёва', 'handle': 'polina_zhur'},
    spam_authors=[{'name': 'Ресницы оптом', 'handle': 'resnitsy_optom'}, {'name': 'Курсы маникюра', 'handle': 'nail_kursy_2030'}],
    flood_at=dt.timedelta(days=45, hours=14, minutes=3),  # Thursday 21 March
    flood_author={'name': 'Мастер на дом', 'handle': 'beauty_na_dom_example'},
    duplicate_sources=['yandex_maps', 'typeform', 'telegram'],
))
