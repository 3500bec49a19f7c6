#!/usr/bin/env python3
"""Writes samples/stories/bookshop/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Strochka («Строчка»), a chain of bookshops in Samara
with an online shop, an app, home delivery and pick-up in the shops (the range of titles, out-of-stock books and
pre-orders, print and binding, damaged books arriving, the queue at the till, booksellers' advice, prices and
discounts, a loyalty card, returns, the site's search, payment, a chat and a hotline, the shops, their café and
their parking), which on 19 October 2037 moves its online shop to a new platform and a new warehouse (weeks 3-5:
a search that finds nothing, lost loyalty points, orders stuck, books crushed in thin bags, the pre-orders of an
awaited novel shipped late, an overloaded hotline, slow refunds), restores the points and packs in boxes again from
9 November (weeks 6-8), and runs a Black Friday sale on 27 November; and two competitors, the independent
bookshop-café Zakladka and the online discounter Bukva24. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date or an event: placed after it (weeks start on Mondays 5 October ... 23 November)
        (('чёрная пятница', 'чёрную пятницу', 'black friday'), [0, 0, 0, 0, 0, 0, 0, 1]),  # the sale week 23-29 November
        (('20 октября', '22 октября', '24 october', 'oct 21', 'nov 3', 'october order'), [0, 0, 0, 0, 3, 3, 2, 1]),
        (('северн', 'northern wind', 'предзаказ', 'pre-order', 'preorder'), [0, 0, 0, 0, 3, 3, 1, 0]),  # released 30 October
        (('третью неделю', 'three weeks', 'две недели', 'two weeks', 'месяц'), [0, 0, 0, 2, 3, 3, 1, 0]),
        (('новый сайт', 'новом сайте', 'нового сайта', 'new site', 'new website', 'переезд', 'новый склад',
          'new warehouse', 'после обновления'), [0, 0, 3, 3, 3, 2, 1, 0]),
        (('вернули баллы', 'points back', 'исправились', 'снова', 'наконец-то', 'в коробк', 'proper box',
          'proper boxes', 'smooth again'), [0, 0, 0, 0, 0, 3, 3, 3]),
        (('школ', 'четверти'), [3, 2, 1, 1, 1, 1, 1, 1]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'strochka' and 'ret-' in codes:
        return [0, 0, 1, 3, 3, 3, 2, 1]  # refunds for the damaged October orders wait for weeks
    if brand == 'strochka' and ('d-' in codes or 'su-' in codes or 'ap-' in codes or 'loy-' in codes):
        return [1, 1, 4, 4, 3, 2, 1, 1]  # the new online platform and warehouse from 19 October
    if brand == 'strochka' and ('d+' in codes or 'ap+' in codes):
        return [3, 3, 1, 1, 1, 2, 3, 3]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='strochka', competitors=['zakladka', 'bukva24'], seed=20371129,
    start=dt.datetime(2037, 10, 5), weeks=8,  # Monday 5 October - Sunday 29 November 2037
    files=['strochka_ru.txt', 'strochka_en.txt', 'zakladka.txt', 'bukva24.txt'], extras='extras.txt',
    customer_prefix='st-',
    places={'strochka': ['strochka-leningradskaya', 'strochka-kuibysheva', 'strochka-novo-sadovaya', 'strochka-bezymyanka',
                         'strochka-orbita'],
            'zakladka': ['zakladka-frunze'],
            'bukva24': ['bukva24-legal-address']},
    place_words={'ленинградск': 'leningradskaya', 'leningradskaya': 'leningradskaya', 'куйбышева': 'kuibysheva',
                 'kuibysheva': 'kuibysheva', 'ново-садов': 'novo-sadovaya', 'novo-sadovaya': 'novo-sadovaya',
                 'безымянк': 'bezymyanka', 'bezymyanka': 'bezymyanka', '«орбит': 'orbita', 'orbita': 'orbita',
                 'фрунзе': 'frunze'},
    week_weights=week_weights,
    blogs=['samara-chitaet', 'knizhnaya-polka-63', 'expat-samara-notes'],
    chats_ru=['sosedi_sadovaya', 'mamy_samary', 'knizhnyy_klub_63'], chats_en=['expats_samara', 'ssau_intl_students'],
    vk_groups=['6120384', '3347719', '9905126'],
    cross_post_at=dt.timedelta(days=31, hours=19, minutes=37),  # Thursday 5 November 2037
    cross_post_author={'name': 'Глеб Сорокин', 'handle': 'gleb_sorokin63'},
    spam_authors=[{'name': 'Книги Даром', 'handle': 'knigi_darom_pdf'}, {'name': 'Буккроссинг Плюс', 'handle': 'bookcross_plus'}],
    flood_at=dt.timedelta(days=45, hours=21, minutes=8),  # Thursday 19 November 2037
    flood_author={'name': 'Аудиокниги Бесплатно', 'handle': 'audioknigi_free_example'},
    duplicate_sources=['site', 'typeform', 'vk'],
))
