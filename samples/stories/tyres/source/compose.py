#!/usr/bin/env python3
"""Writes samples/stories/tyres/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Protektor, a chain of tyre-fitting and quick car-service
centres (the spring tyre change, balancing, wheel alignment, punctures, oil changes, seasonal tyre storage, online
booking in an app and on the site, a walk-in queue, waiting lounges, a hotline and chats, a mobile tyre-fitting
van, points for visits), and two competitors, the cheap garage network Gayka and the premium, dealer-like service
chain Motorika. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if '8 апреля' in low:
        return [0, 0, 1, 1, 0, 0, 0, 0]  # a claim written in the week after 8 April
    if any(w in low for w in ('в мае', 'in may')):
        return [0, 0, 1, 2, 2, 1, 0, 0]  # the new centre is announced in April
    if any(w in low for w in ('апрел', 'april', 'сезон', 'season', 'суббот', 'saturday', 'weekend', 'sezon')):
        return [0, 1, 2, 3, 3, 2, 1, 0]
    if brand == 'protektor' and ('w-' in codes or 'ap-' in codes):
        return [1, 2, 3, 4, 4, 3, 1, 1]  # the spring rush: snow gone in early April, queues peak mid-April
    return [2, 2, 3, 3, 3, 2, 2, 1]  # more cars change tyres in April than in March or May


compose(__file__, dict(
    brand='protektor', competitors=['gayka', 'motorika'], seed=20280514,
    start=dt.datetime(2028, 3, 20), weeks=8,  # Monday 20 March - Sunday 14 May 2028
    files=['protektor_ru.txt', 'protektor_en.txt', 'gayka.txt', 'motorika.txt'], extras='extras.txt',
    customer_prefix='ptk-',
    places={'protektor': ['protektor-varshavka', 'protektor-dmitrovka', 'protektor-yaroslavka', 'protektor-mytishchi',
                          'protektor-mkad-41km', 'protektor-marino'],
            'gayka': ['gayka-lyublino', 'gayka-kapotnya', 'gayka-pechatniki'],
            'motorika': ['motorika-rublyovka', 'motorika-skolkovo']},
    place_words={'варшав': 'varshavka', 'varshav': 'varshavka', 'дмитров': 'dmitrovka', 'ярославк': 'yaroslavka',
                 'yaroslavka': 'yaroslavka', 'мытищ': 'mytishchi', 'мкад': 'mkad-41km', 'ring road': 'mkad-41km',
                 'люблинск': 'lyublino'},
    week_weights=week_weights,
    blogs=['avto-bez-nervov', 'shinnyi-digest', 'moscow-expat-driver', 'garazh-obzor'],
    chats_ru=['avtomoskva_chat', 'zhk_yuzhnyi_chat', 'perebuvka_2028'], chats_en=['expats_moscow', 'moscow_drivers_en'],
    vk_groups=['2210475', '3907126', '5582013'],
    cross_post_at=dt.timedelta(days=26, hours=13, minutes=21),  # Saturday 15 April
    cross_post_author={'name': 'Максим Журавлёв', 'handle': 'max_zhuravlev'},
    spam_authors=[{'name': 'Cheap Tyres', 'handle': 'cheap_tyres_2028'}, {'name': 'Шины оптом', 'handle': 'shiny_optom'}],
    flood_at=dt.timedelta(days=31, hours=10, minutes=55),
    flood_author={'name': 'Шины оптом дёшево', 'handle': 'shiny_optom_example'},
    duplicate_sources=['google', 'typeform', 'twitter'],
))
