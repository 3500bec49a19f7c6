#!/usr/bin/env python3
"""Writes samples/stories/hotel/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Mayak, a chain of mid-range business hotels next to
railway stations (check-in and the front desk, housekeeping, rooms and beds, soundproofing, breakfast, the
booking site, an app with online check-in and a mobile key, the call centre, deposits and prepayment, a points
programme), and two competitors, the upscale hotel chain Severin and Kvartirka, a service renting flats by the
night. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if '31 декабря' in low or '31 december' in low:
        return [0, 0, 0, 0, 1, 0, 0, 0, 0]  # week 5: 27 December - 2 January
    if '2 января' in low or '2 january' in low:
        return [0, 0, 0, 0, 1, 0, 0, 0, 0]
    if any(w in low for w in ('2028', 'январск', 'january')):
        return [0, 0, 0, 0, 0, 1, 1, 1, 1]  # January 2028
    if any(w in low for w in ('12 декабря', '14 december')):
        return [0, 0, 0, 1, 1, 1, 1, 0, 0]  # a refund chased after a cancellation in mid-December
    if 'в феврале' in low:
        return [0, 0, 0, 0, 0, 0, 1, 1, 1]  # the opening is announced late in January
    if any(w in low for w in ('нов', 'праздник', 'new year', 'holiday', 'festive', 'корпоратив', 'corporate party')):
        return [0, 0, 1, 2, 3, 2, 0, 0, 0]  # corporate parties in December, the New Year rush
    if brand == 'mayak' and any(c in codes for c in ('w-', 'cl-')):
        return [1, 1, 1, 2, 3, 3, 2, 1, 1]  # full hotels around the holidays: queues at the desk, rooms not turned over
    return None


compose(__file__, dict(
    brand='mayak', competitors=['severin', 'kvartirka'], seed=20280130,
    start=dt.datetime(2027, 11, 29), weeks=9,  # Monday 29 November 2027 - Sunday 30 January 2028
    files=['mayak_ru.txt', 'mayak_en.txt', 'severin.txt', 'kvartirka.txt'], extras='extras.txt',
    customer_prefix='myk-g',
    places={'mayak': ['mayak-moscow-kazansky', 'mayak-moscow-komsomolskaya', 'mayak-spb-moskovsky', 'mayak-kazan',
                      'mayak-yekaterinburg', 'mayak-nizhny'],
            'severin': ['severin-moscow', 'severin-spb', 'severin-kazan'],
            'kvartirka': ['kvartirka']},
    place_words={'казанск': 'moscow-kazansky', 'kazansky': 'moscow-kazansky', 'комсомольск': 'moscow-komsomolskaya',
                 'komsomolskaya': 'moscow-komsomolskaya', 'московск': 'spb-moskovsky', 'moskovsky': 'spb-moskovsky',
                 'питер': 'spb-moskovsky', 'петербург': 'spb-moskovsky', 'в казани': 'kazan', 'in kazan': 'kazan',
                 'mayak kazan': 'kazan', 'екатеринбург': 'yekaterinburg', 'yekaterinburg': 'yekaterinburg',
                 'нижн': 'nizhny', 'kazan': 'kazan', 'казани': 'kazan'},
    week_weights=week_weights,
    blogs=['komandirovka-blog', 'vokzal-i-nochleg', 'russia-by-rail-en', 'hotel-inspector-ru'],
    chats_ru=['komandirovki_chat', 'puteshestviya_po_rossii', 'kazan_live'], chats_en=['expats_moscow', 'russia_travel_en'],
    vk_groups=['1736059', '2918347', '4052281'],
    cross_post_at=dt.timedelta(days=34, hours=15, minutes=22),  # Sunday 2 January 2028
    cross_post_author={'name': 'Глеб Сорокин', 'handle': 'gleb_sorokin'},
    spam_authors=[{'name': 'Cheap Hotels', 'handle': 'cheap_hotels_2027'}, {'name': 'Гостиница Даром', 'handle': 'gostinica_darom'}],
    flood_at=dt.timedelta(days=17, hours=11, minutes=8),
    flood_author={'name': 'Hotel Darom', 'handle': 'hotel_darom_example'},
    duplicate_sources=['google', 'surveymonkey', 'vk'],
))
