#!/usr/bin/env python3
"""Combines the hand-written spec lines (brand|source|channel|score|sentiment|factor codes|text) into
samples/demo/feedback.jsonl: adds fictional authors, external ids, urls and timestamps.
Deterministic (fixed seed). Also writes samples/demo/labels.jsonl, the hand labels of every line
(document sentiment and factor mentions, see samples/LABELLING.md); the labels take no random draws,
so feedback.jsonl does not change when a label does."""
import datetime as dt, json, os, random, re, sys

rng = random.Random(20261115)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'feedback.jsonl')
LABELS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(OUT), 'labels.jsonl')
FACTOR_IDS = {'pr': 'price', 'q': 'quality', 'd': 'delivery', 'st': 'staff', 'w': 'waiting_time', 'su': 'support',
              'ap': 'website_app', 'pay': 'payment', 'as': 'assortment', 'cl': 'cleanliness_atmosphere',
              'loc': 'location_parking', 'ret': 'returns', 'loy': 'loyalty'}
POLARITY = {'+': 'positive', '0': 'neutral', '-': 'negative'}
SENTIMENT = {'pos': 'positive', 'neu': 'neutral', 'neg': 'negative'}
SURVEYS = {'typeform', 'formbricks', 'surveymonkey', 'qualtrics', 'google_forms'}
MENTIONS = {'twitter', 'vk', 'telegram', 'rss'}
START = dt.datetime(2026, 9, 21)  # Monday; 8 weeks to Sunday 2026-11-15

def kind_of(source):
    return 'survey' if source in SURVEYS else 'mention' if source in MENTIONS else 'review'

def is_ru(text):
    return len(re.findall('[а-яё]', text.lower())) > len(re.findall('[a-z]', text.lower()))

# ---- fictional people ------------------------------------------------------------------------
RU_F = 'Анна Мария Екатерина Ольга Наталья Елена Ирина Татьяна Юлия Светлана Дарья Алина Ксения Полина Виктория Марина Вера Софья Алёна Евгения Людмила Надежда Кристина Валерия'.split()
RU_M = 'Алексей Дмитрий Сергей Андрей Иван Михаил Никита Павел Артём Максим Константин Егор Роман Игорь Владимир Кирилл Денис Олег Григорий Тимур Антон Вадим Илья Станислав'.split()
RU_LAST = ('Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Волков Соловьёв Васильев Зайцев '
           'Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев Тарасов Белов Комаров '
           'Орлов Киселёв Макаров Андреев Ковалёв Ильин Гусев Титов Кузьмин Кудрявцев Баранов Куликов Алексеев '
           'Степанов Яковлев Сорокин Романов Захаров Борисов Королёв Герасимов Пономарёв Григорьев Лазарев '
           'Медведев Ершов Никитин Соболев Рябов Поляков Цветков Данилов Жуков Фролов Журавлёв Николаев').split()
EN_FIRST = ('James Emily Oliver Sophie Daniel Hannah Lucas Chloe Ethan Grace Noah Isla Liam Ava Jack Mia Ryan '
            'Zoe Adam Lily Tom Ella Sam Ruby Ben Leah Mark Nina Paul Sara Chris Laura Matteo Giulia Lukas Anna '
            'Pierre Claire Diego Lucia Kenji Priya Omar Leila Erik Freya').split()
EN_LAST = ('Walker Harris Clarke Turner Hughes Wood Baker Hall Green Lewis Wright Cooper King Bennett Ward '
           'Morgan Price Bell Rossi Bianchi Schneider Weber Dubois Moreau Garcia Lopez Tanaka Sharma Haddad '
           'Nilsson Larsen Kelly Murphy Fischer Novak Silva Costa Jensen Brooks Reid').split()
TR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
              ['a','b','v','g','d','e','e','zh','z','i','y','k','l','m','n','o','p','r','s','t','u','f',
               'kh','ts','ch','sh','shch','','y','','e','yu','ya']))
FEM = re.compile(r'\b(купила|принесла|ушла|хотела|ждала|отпрашивалась|довольна|нашла|оформила|зашла|вышла|'
                 r'написала|видела|позвонила|готова|просила|попросила|взяла|заказала|пробовала|простояла|'
                 r'закупилась|успела|дошла|услышала|поняла|отравилась|ездила|Девочки|мне одной|сама)\b', re.I)
MASC = re.compile(r'\b(готов|выбрал|был дома|ждал|заказал|получил|пишу уже)\b', re.I)

def translit(s):
    return ''.join(TR.get(c, c) for c in s.lower())

used_names = set()

def new_person(ru, text):
    while True:
        if ru:
            fem = bool(FEM.search(text)) or (not MASC.search(text) and rng.random() < 0.55)
            first = rng.choice(RU_F if fem else RU_M)
            last = rng.choice(RU_LAST) + ('а' if fem else '')
            slug_first, slug_last = translit(first), translit(last)
        else:
            first, last = rng.choice(EN_FIRST), rng.choice(EN_LAST)
            slug_first, slug_last = first.lower(), last.lower()
        if (first, last) not in used_names:
            used_names.add((first, last))
            return first, last, slug_first, slug_last

def author_for(source, brand, ru, text):
    first, last, sf, sl = new_person(ru, text)
    domain = 'example.ru' if ru else 'example.com'
    year = rng.choice(['', '', str(rng.randint(78, 99)), str(rng.randint(1980, 2004))])
    style = rng.randrange(4)
    handle = [f'{sf}_{sl}{year}', f'{sf[0]}{sl}{year}', f'{sf}.{sl[:3]}{year}', f'{sl}_{sf[:4]}{rng.randint(1, 999)}'][style]
    a = {}
    if source in ('site', 'app') and brand == 'lavka' or source in SURVEYS or source == 'email':
        if source not in SURVEYS or rng.random() < 0.8:
            a['name'] = f'{first} {last}'
        a['email'] = f'{sf}.{sl}{rng.choice(["", str(rng.randint(1, 99))])}@{domain}'
        if source in ('site', 'app') or rng.random() < 0.5:
            a['id'] = f'lavka-c{rng.randint(100000, 999999)}'
    elif source == 'yandex_maps':
        a['name'] = f'{first} {last[0]}.'
        a['handle'] = handle
    elif source == 'google':
        a['name'] = rng.choice([f'{first} {last}', f'{first} {last[0]}.'])
        a['handle'] = handle
    elif source == 'app':  # competitors' app-store reviews: nicknames
        a['name'] = rng.choice([first, f'{first} {last[0]}.', sf + str(rng.randint(1, 99))])
        a['handle'] = handle
    elif source == 'rss':
        a['name'] = f'{first} {last}'
        a['handle'] = rng.choice(['vkusno-blog', 'gastro-zametki', 'eat-moscow', 'basket-test', 'food-notes'])
    else:  # social networks
        a['name'] = rng.choice([f'{first} {last}', first, f'{first} {last[0]}.'])
        a['handle'] = handle.replace('.', '_') if source == 'twitter' else handle
    return a

# ---- ids and urls ---------------------------------------------------------------------------
ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
def rnd(n, alphabet=ALNUM):
    return ''.join(rng.choice(alphabet) for _ in range(n))

STORE_SLUGS = {'lavka': ['lavka-plus-sokol', 'lavka-plus-tverskaya', 'lavka-plus-sadovaya', 'lavka-plus-leninsky', 'lavka-plus-myasnitskaya'],
               'megamart': ['megamart-varshavka', 'megamart-kashirka', 'megamart-altufyevo'],
               'quickbasket': ['quickbasket']}
seen_ext = set()

PLACES = {'сокол': 'sokol', 'sokol': 'sokol', 'тверск': 'tverskaya', 'tverskaya': 'tverskaya', 'садов': 'sadovaya',
          'ленинск': 'leninsky', 'leninsky': 'leninsky', 'мясницк': 'myasnitskaya', 'профсоюзн': 'profsoyuznaya',
          'варшавк': 'varshavka'}

def store_slug(brand, text):
    for key, place in PLACES.items():
        if key in text.lower():
            return f'{brand.replace("lavka", "lavka-plus")}-{place}'
    return rng.choice(STORE_SLUGS[brand])

def ext_and_url(source, brand, author, text):
    h = author.get('handle', 'user')
    ru = is_ru(text)
    while True:
        if source == 'yandex_maps':
            e = rnd(22); u = f'https://example.ru/maps/org/{store_slug(brand, text)}/reviews/{e}'
        elif source == 'google':
            e = 'Ch' + rnd(24); u = f'https://example.com/maps/place/{store_slug(brand, text)}/review/{e}'
        elif source == 'site':
            e = f'r-{rng.randint(100000, 199999)}'; u = f'https://example.ru/lavka-plus/reviews/{e}'
        elif source == 'app':
            e = str(rng.randint(10**9, 10**10 - 1)); u = f'https://example.com/apps/{brand}/reviews/{e}'
        elif source == 'twitter':
            e = str(rng.randint(18 * 10**17, 19 * 10**17)); u = f'https://example.com/x/{h}/status/{e}'
        elif source == 'vk':
            e = f'wall-{rng.choice(["2148821", "1986530", "3307714"])}_{rng.randint(1000, 99999)}'; u = f'https://example.ru/vk/{e}'
        elif source == 'telegram':
            chat = rng.choice(['lavkaplus_chat', 'moscow_food', 'dostavka_otzyvy'] if ru else ['expats_moscow', 'moscow_food_en'])
            e = f'{chat}/{rng.randint(1000, 99999)}'; u = f'https://example.ru/t/{e}'
        elif source == 'typeform':
            e = rnd(32, 'abcdefghijklmnopqrstuvwxyz0123456789'); u = None
        elif source == 'formbricks':
            e = 'msg_' + rnd(26, 'abcdefghijklmnopqrstuvwxyz0123456789'); u = None
        elif source == 'surveymonkey':
            e = str(rng.randint(10**11, 10**12 - 1)); u = None
        elif source == 'qualtrics':
            e = 'R_' + rnd(15); u = None
        elif source == 'google_forms':
            e = '2_AB' + rnd(28); u = None
        elif source == 'email':
            e = f'<{rnd(16, "abcdef0123456789")}@mail.example.ru>'; u = None
        elif source == 'rss':
            slug = rnd(8, 'abcdefghijklmnopqrstuvwxyz')
            u = f'https://example.ru/blog/{h}/{slug}'; e = u
        else:
            raise ValueError(source)
        if (source, e) not in seen_ext:
            seen_ext.add((source, e))
            return e, u

# ---- time -----------------------------------------------------------------------------------
HOURS = [7, 8, 8, 9, 10, 11, 12, 12, 13, 14, 15, 16, 17, 18, 18, 19, 19, 20, 20, 21, 21, 22, 22, 23]

def when(codes, brand):
    # Lavka's late deliveries grow over the period: their weeks are weighted towards the end.
    weights = [1, 1, 2, 2, 3, 3, 4, 4] if brand == 'lavka' and 'd-' in codes else [1] * 8
    week = rng.choices(range(8), weights)[0]
    local = START + dt.timedelta(days=week * 7 + rng.randrange(7), hours=rng.choice(HOURS),
                                 minutes=rng.randrange(60), seconds=rng.randrange(60))
    return local - dt.timedelta(hours=3)  # Moscow time → UTC

def iso(t_utc, ru):
    if ru:
        return (t_utc + dt.timedelta(hours=3)).strftime('%Y-%m-%dT%H:%M:%S+03:00')
    return t_utc.strftime('%Y-%m-%dT%H:%M:%SZ')

# ---- compose --------------------------------------------------------------------------------
def label(o, sentiment, codes):
    """The hand label of one item: document sentiment and the factors the text judges."""
    lab = {'source': o['source'], 'externalId': o['externalId'], 'brand': o['brand'], 'sentiment': SENTIMENT[sentiment],
           'factors': [{'factor': FACTOR_IDS[c[:-1]], 'polarity': POLARITY[c[-1]]} for c in codes if c != 'spam']}
    if 'spam' in codes:
        lab['spam'] = True
    return lab

def item(brand, source, channel, score, sentiment, codes, text, author=None, t=None):
    ru = is_ru(text)
    author = author or author_for(source, brand, ru, text)
    e, u = ext_and_url(source, brand, author, text)
    t = t or when(codes, brand)
    o = {'kind': kind_of(source), 'source': source, 'channel': channel, 'brand': brand}
    if brand != 'lavka':
        o['competitorOf'] = 'lavka'
    o['externalId'] = e
    o['text'] = text
    if score != '-':
        o['nps' if source in SURVEYS else 'rating'] = int(score)
    o['author'] = author
    if u:
        o['url'] = u
    o['createdAt'] = iso(t, ru)
    return t, o, label(o, sentiment, codes)

def parse(path):
    for line in open(os.path.join(HERE, path), encoding='utf-8'):
        if line.strip():
            b, s, c, score, sentiment, codes, text = line.rstrip('\n').split('|')
            yield b, s, c, score, sentiment, codes.split(), text

items = []
for path in ['lavka_ru.txt', 'lavka_en.txt', 'megamart.txt', 'quickbasket.txt']:
    for b, s, c, score, sentiment, codes, text in parse(path):
        items.append(item(b, s, c, score, sentiment, codes, text))

extras = list(parse('extras.txt'))
# Cross-post: one author, near-identical text on two networks, four minutes apart.
cp_author = {'name': 'Кирилл Воронин', 'handle': 'kirill_voronin'}
t0 = START + dt.timedelta(days=45, hours=18, minutes=31)
for k, (b, s, c, score, sentiment, codes, text) in enumerate(extras[:2]):
    items.append(item(b, s, c, score, sentiment, codes, text, dict(cp_author), t0 + dt.timedelta(minutes=4 * k)))
first_copy = items[-2][2]
items[-1][2]['crossPostOf'] = {'source': first_copy['source'], 'externalId': first_copy['externalId']}
# Spam: two links-only posts and a flood of the same text from one account.
spam_authors = [{'name': 'Promo Deals', 'handle': 'promo_deals_2026'}, {'name': 'Бонусы Бесплатно', 'handle': 'free_bonus_club'}]
for (b, s, c, score, sentiment, codes, text), spammer in zip(extras[2:4], spam_authors):
    items.append(item(b, s, c, score, sentiment, codes, text, spammer))
flood_author = {'name': 'Заработок Онлайн', 'handle': 'easy_money_example'}
t1 = START + dt.timedelta(days=33, hours=11, minutes=2)
b, s, c, score, sentiment, codes, text = extras[4]
for k in range(3):
    items.append(item(b, s, c, score, sentiment, codes, text, dict(flood_author), t1 + dt.timedelta(seconds=47 * k)))

items.sort(key=lambda x: x[0])
lines = [json.dumps(o, ensure_ascii=False) for _, o, _ in items]
labels = [json.dumps(lab, ensure_ascii=False) for _, _, lab in items]

# Exact duplicates (same source + externalId), as a webhook retry or a re-import would deliver them.
for src in ['yandex_maps', 'typeform', 'twitter']:
    cand = [i for i, (_, o, _) in enumerate(items) if o['source'] == src and o['brand'] == 'lavka' and 'http' not in o['text']]
    i = rng.choice(cand[: len(cand) // 2])
    at = rng.randrange(i + 5, len(lines))
    lines.insert(at, lines[i])
    labels.insert(at, labels[i])

with open(OUT, 'w', encoding='utf-8') as f:
    f.write('\n'.join(lines) + '\n')
with open(LABELS, 'w', encoding='utf-8') as f:
    f.write('\n'.join(labels) + '\n')
print(f'{len(lines)} lines -> {os.path.normpath(OUT)}, {len(labels)} labels -> {os.path.normpath(LABELS)}')
