using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Reports;

/// <summary>
/// Deterministic, already-scored feedback for the report benchmark, the report tests and demos:
/// a brand and its competitors with known per-factor quality and weight in the star rating, a
/// factor that worsens over the period, and personal data in some texts (which the report must mask).
/// </summary>
public static class SyntheticFeedback
{
    private sealed record FactorSpec(string Id, double Weight, double Frequency, string[] RuPos, string[] RuNeg, string[] EnPos, string[] EnNeg);

    private static readonly FactorSpec[] Factors =
    [
        new("delivery", 1.3, 0.30, ["Доставили вовремя, курьер вежливый.", "Доставка быстрая, всё привезли в срок."], ["Доставку ждали три дня вместо одного.", "Курьер Иван опоздал на два часа и не позвонил."],
            ["Delivery was on time and the courier was polite.", "Fast delivery, everything arrived as promised."], ["Delivery took three days instead of one.", "The courier was two hours late and never called."]),
        new("price", 0.9, 0.28, ["Цены приятные, особенно по акции.", "За эти деньги — отличное качество."], ["Цены выросли, в других местах дешевле.", "Слишком дорого для такого уровня."],
            ["Prices are fair, especially with the discount.", "Great value for the money."], ["Prices went up, it is cheaper elsewhere.", "Far too expensive for what you get."]),
        new("quality", 1.6, 0.34, ["Качество отличное, всё свежее.", "Товар качественный, пользуемся уже месяц."], ["Качество упало, товар пришёл с браком.", "Продукты были несвежие."],
            ["Excellent quality, everything was fresh.", "Solid product, we have used it for a month."], ["Quality has dropped, the item arrived broken.", "The groceries were not fresh."]),
        new("staff", 1.1, 0.22, ["Консультант Анна очень помогла, спасибо!", "Персонал вежливый и внимательный."], ["Менеджер Олег был груб и не стал слушать.", "Продавцы не обращают внимания на покупателей."],
            ["Anna at the counter was really helpful, thank you!", "Friendly and attentive staff."], ["The manager John was rude and would not listen.", "Staff ignore customers completely."]),
        new("waiting_time", 1.0, 0.18, ["Очередей нет, обслужили за пару минут.", "Всё быстро, ждать не пришлось."], ["Простояли в очереди полчаса.", "Ждали ответа оператора сорок минут."],
            ["No queues, served within minutes.", "Quick service, no waiting at all."], ["We queued for half an hour.", "Waited forty minutes for an operator."]),
        new("support", 1.2, 0.16, ["Поддержка ответила быстро и решила вопрос.", "В чате поддержки всё объяснили."], ["Поддержка не отвечает, пишу уже неделю — звоните мне +7 916 123-45-67.", "В поддержке отвечают шаблонами."],
            ["Support answered quickly and solved it.", "The support chat explained everything."], ["Support does not answer, a week now — write to me at jane.doe@example.com.", "Support replies with canned answers."]),
        new("website", 0.7, 0.20, ["Приложение удобное, заказ за минуту.", "Сайт понятный, всё легко найти."], ["Приложение вылетает при оплате.", "На сайте невозможно найти нужный товар."],
            ["The app is easy, ordering takes a minute.", "Clear website, easy to find things."], ["The app crashes at checkout.", "Impossible to find anything on the website."]),
        new("payment", 0.6, 0.10, ["Оплата картой прошла без проблем.", "Удобно, что можно оплатить при получении."], ["Деньги списали дважды.", "Оплата картой не проходит."],
            ["Card payment went through smoothly.", "Handy to pay on delivery."], ["I was charged twice.", "Card payment keeps failing."]),
        new("assortment", 0.8, 0.15, ["Большой выбор, всё в наличии.", "Ассортимент широкий."], ["Половины товаров нет в наличии.", "Выбор стал совсем маленьким."],
            ["Wide range, everything in stock.", "Great selection."], ["Half of the items are out of stock.", "The range has shrunk a lot."]),
        new("loyalty", 0.5, 0.09, ["Бонусы по карте лояльности — приятно.", "Хорошие акции для постоянных клиентов."], ["Бонусы сгорают слишком быстро.", "Акции на деле не работают."],
            ["Loyalty points are a nice touch.", "Good deals for regulars."], ["Points expire far too quickly.", "The promotions never actually apply."]),
        new("returns", 0.9, 0.04, ["Вернули деньги за два дня.", "Возврат оформили без вопросов."], ["Возврат денег жду уже месяц.", "Отказались принять возврат."],
            ["Refund came within two days.", "The return was handled without fuss."], ["Still waiting for my refund after a month.", "They refused to accept the return."]),
    ];

    private static readonly string[] Channels = ["site", "app", "contact_centre", "social", "reviews", "delivery"];
    private static readonly string[] Sources = ["google", "yandex", "vk", "telegram", "survey", "site"];

    /// <summary>How good each brand is at each factor (probability shift towards positive).</summary>
    private static double Quality(int brand, int factor) => brand switch
    {
        0 => new[] { -0.05, 0.05, 0.45, 0.35, -0.25, -0.2, 0.3, 0.4, 0.15, 0.2, 0.0 }[factor],
        1 => new[] { 0.3, -0.15, 0.35, 0.1, 0.05, 0.2, 0.1, 0.3, 0.3, 0.0, 0.1 }[factor],
        _ => new[] { 0.05, 0.25, 0.15, -0.1, 0.2, -0.3, -0.1, 0.2, -0.05, 0.3, 0.2 }[factor],
    };

    private static readonly double[] ChannelBias = [0.1, 0.15, -0.4, -0.05, 0.1, -0.2];

    public static IEnumerable<ScoredFeedback> Generate(int count, string brand, IReadOnlyList<string> competitors,
        DateOnly from, DateOnly to, string lang = "ru", int seed = 42)
    {
        var random = new Random(seed);
        var brands = competitors.Prepend(brand).ToArray();
        var days = to.DayNumber - from.DayNumber + 1;
        for (var i = 0; i < count; i++)
        {
            // Our brand gets half the feedback; competitors share the rest.
            var b = random.NextDouble() < 0.5 || brands.Length == 1 ? 0 : 1 + random.Next(brands.Length - 1);
            var day = random.Next(days);
            var progress = day / (double)Math.Max(1, days - 1);
            var channel = random.Next(Channels.Length);
            var itemLang = random.NextDouble() < 0.85 ? lang : lang == "ru" ? "en" : "ru";
            var parts = new List<string>();
            var mentions = new List<FactorMention>();
            var length = 0;
            double utility = 0;
            for (var f = 0; f < Factors.Length; f++)
            {
                var spec = Factors[f];
                if (random.NextDouble() >= spec.Frequency) continue;
                var quality = Quality(Math.Min(b, 2), f) + ChannelBias[channel] * 0.5;
                // Our delivery gets worse over the period: the trend the report should show.
                if (b == 0 && spec.Id == "delivery") quality -= 0.6 * progress;
                var u = random.NextDouble() * 2 - 1 + quality;
                var label = u > 0.35 ? SentimentLabel.Positive : u < -0.35 ? SentimentLabel.Negative : SentimentLabel.Neutral;
                var value = label == SentimentLabel.Positive ? 1 : label == SentimentLabel.Negative ? -1 : 0;
                utility += spec.Weight * value;
                var pool = (itemLang, label) switch
                {
                    ("ru", SentimentLabel.Negative) => spec.RuNeg,
                    ("ru", _) => spec.RuPos,
                    (_, SentimentLabel.Negative) => spec.EnNeg,
                    _ => spec.EnPos,
                };
                var sentence = label == SentimentLabel.Neutral
                    ? (itemLang == "ru" ? $"{FactorNames.Name(spec.Id, "ru")} — без особых впечатлений." : $"{FactorNames.Name(spec.Id, "en")}: nothing special.")
                    : pool[random.Next(pool.Length)];
                mentions.Add(new FactorMention(spec.Id, label, (float)(value * (0.55 + 0.4 * random.NextDouble())), length, sentence.Length));
                parts.Add(sentence);
                length += sentence.Length + 1;
            }
            utility += ChannelBias[channel] * 2.5;
            if (parts.Count == 0) parts.Add(itemLang == "ru" ? "В целом нормально." : "Overall fine.");
            var text = string.Join(' ', parts);
            var rating = Math.Clamp((int)Math.Round(3.4 + utility * 0.9 + (random.NextDouble() - 0.5) * 1.6), 1, 5);
            var isSurvey = channel is 2 or 5 || random.NextDouble() < 0.2;
            int? nps = isSurvey ? Math.Clamp((int)Math.Round(7.4 + utility * 1.5 + (random.NextDouble() - 0.5) * 3), 0, 10) : null;
            var docScore = (float)Math.Clamp((rating - 3) / 2.0 + (random.NextDouble() - 0.5) * 0.4, -1, 1);
            var docLabel = docScore > 0.2 ? SentimentLabel.Positive : docScore < -0.2 ? SentimentLabel.Negative : SentimentLabel.Neutral;
            var created = from.AddDays(day).ToDateTime(new TimeOnly(8 + random.Next(14), random.Next(60)), DateTimeKind.Utc);
            var item = new FeedbackItem(
                $"syn-{seed}-{i}", isSurvey ? FeedbackKind.Survey : channel == 3 ? FeedbackKind.Mention : FeedbackKind.Review,
                Sources[channel], brands[b], text, new DateTimeOffset(created), isSurvey && nps is not null && random.NextDouble() < 0.5 ? null : rating, nps,
                new Author($"a{i % 50_000}", itemLang == "ru" ? "Мария Петрова" : "Jane Doe", "@jane_d", null),
                Channel: Channels[channel], Language: itemLang);
            var p = docLabel == SentimentLabel.Positive ? 0.7f : 0.15f;
            var n = docLabel == SentimentLabel.Negative ? 0.7f : 0.15f;
            yield return new ScoredFeedback(item, new FeedbackScores(itemLang,
                new SentimentScore(docLabel, docScore, n, 1 - p - n, p), mentions));
        }
    }
}
