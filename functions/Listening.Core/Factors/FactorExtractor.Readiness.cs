using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

// Round 17: an order made to order reaches the customer when it is ready, so its readiness timed or denied is its delivery
// (see Conveyance.Readiness).
public sealed partial class FactorExtractor
{
    [ThreadStatic] private static List<TermMatch>? readinessTimeFound;

    private static readonly HashSet<string> ReadinessNegators = new(StringComparer.Ordinal)
    {
        "не", "not", "never", "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "werent",
    };

    // «уже готовы», "already ready": found ready on coming for it — the time that matters is the wait there, not the making.
    private static readonly HashSet<string> Already = new(StringComparer.Ordinal) { "уже", "already" };

    // «я не готов», "I'm not ready to pay", «больше не готов»: a person's willingness, not an order's readiness.
    private static readonly HashSet<string> Willing = new(StringComparer.Ordinal)
    {
        "я", "мы", "i", "i'm", "im", "we", "we're", "больше",
    };

    // Nouns that end as an infinitive does.
    private static readonly HashSet<string> NotInfinitives = new(StringComparer.Ordinal)
    {
        "есть", "часть", "сеть", "путь", "мать", "власть", "новость", "очередь", "дочь", "ночь", "речь",
    };

    private const int WillingReach = 3;

    // «готова и постоять», «готов хоть ездить»: words that may stand between readiness and what the person is willing to do.
    private static readonly HashSet<string> WillingFiller = new(StringComparer.Ordinal) { "и", "даже", "хоть", "бы", "ещё", "еще", "and", "even" };

    /// <summary>
    /// Whether the readiness word <paramref name="m"/> is an order's readiness timed or denied (see <see cref="Conveyance.Readiness"/>):
    /// not found already ready, not a person's willingness; its clause times it (a qualifier or a lateness word, a
    /// <see cref="Conveyance.ReadinessTimes"/> word) or a negator stands just before it.
    /// </summary>
    private bool IsReadinessTimedOrDenied(TextContext context, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        var tokens = context.Tokens;
        if (m.FirstToken > clause.FirstToken && Already.Contains(tokens[m.FirstToken - 1].Lower)) return false;
        if (context.Goods is null) ReadGoods(context);
        if (IsHandover(tokens, m))
        {
            // «выдали машину», "my car came back": only a vehicle handed over is goods here; a handover of anything else is read elsewhere.
            if (!HandsOverVehicle(context, clause, m)) return false;
        }
        else
        {
            if (IsWillingness(tokens, clause, m) || IsFoundOnComing(tokens, clause, m)) return false;
            // "the plane isn't ready", «машина не готова»: in a text of a vehicle and no goods, what is not ready is the service
            // itself — unless the text hands the vehicle over (the car repaired or bought is the goods, see Conveyance.Handovers).
            if (context.Vehicle && context.Goods != true && !context.HandedVehicle) return false;
        }
        for (var i = Math.Max(clause.FirstToken, m.FirstToken - 3); i < m.FirstToken; i++)
            if (ReadinessNegators.Contains(tokens[i].Lower)) return true;
        if (HasQualifier(matches, clause)) return true;
        if (readinessTimes is null) return false;
        var found = readinessTimeFound ??= [];
        found.Clear();
        readinessTimes.Find(tokens, clause.FirstToken, clause.EndToken, found);
        foreach (var f in found)
            if (f.FirstToken + f.TokenCount <= m.FirstToken || f.FirstToken >= m.FirstToken + m.TokenCount) return true;
        return false;
    }

    // "ready when I arrived", «готово к моему приходу»: the customer's own coming, a word starting so.
    private static readonly string[] Coming = ["arriv", "came", "приезд", "приход", "приех", "пришл", "пришел", "пришёл", "подош"];

    // «полчаса — и готово», «раз-два и готово»: "and done", a job finished, not an order made ready.
    private static bool IsDone(List<WordToken> tokens, Clause clause, TermMatch m) =>
        m.FirstToken > clause.FirstToken && tokens[m.FirstToken - 1].Lower is "и" && tokens[m.FirstToken].Lower == "готово";

    /// <summary>
    /// Whether readiness is found on the customer's coming ("the room was ready when I arrived", «всё готово к моему приходу»:
    /// a coming word within a few words after it) or is a job done («полчаса — и готово») — the visit went smoothly, no order is
    /// timed.
    /// </summary>
    private static bool IsFoundOnComing(List<WordToken> tokens, Clause clause, TermMatch m)
    {
        if (IsDone(tokens, clause, m)) return true;
        var after = m.FirstToken + m.TokenCount;
        for (var i = after; i < Math.Min(clause.EndToken, after + 4); i++)
            if (StartsWithAny(tokens[i].Lower, Coming)) return true;
        return false;
    }

    /// <summary>
    /// Whether readiness is said of a person willing to do something: a first person, «больше» («больше не готов») or an
    /// infinitive («платить я не готова») just before it, or "to" or an infinitive just after it («не готова рисковать»).
    /// </summary>
    private static bool IsWillingness(List<WordToken> tokens, Clause clause, TermMatch m)
    {
        for (var i = Math.Max(clause.FirstToken, m.FirstToken - WillingReach); i < m.FirstToken; i++)
            if (Willing.Contains(tokens[i].Lower) || IsInfinitive(tokens[i].Lower)) return true;
        for (var i = m.FirstToken + m.TokenCount; i < Math.Min(clause.EndToken, m.FirstToken + m.TokenCount + 3); i++)
        {
            var word = tokens[i].Lower;
            if (word == "to" || IsInfinitive(word)) return true;
            if (!WillingFiller.Contains(word)) break;
        }
        return false;
    }

    // A Russian infinitive by its ending («платить», «рисковать», «постоять», «идти», «беречь», «ждаться»).
    private static bool IsInfinitive(string word) =>
        word.Length > 3 && !NotInfinitives.Contains(word) && (word.EndsWith("ть", StringComparison.Ordinal) || word.EndsWith("ться", StringComparison.Ordinal)
                            || word.EndsWith("ти", StringComparison.Ordinal) || word.EndsWith("чь", StringComparison.Ordinal));

    [ThreadStatic] private static List<TermMatch>? handoverFound;

    private bool IsHandover(List<WordToken> tokens, TermMatch m)
    {
        if (handovers is null) return false;
        var found = handoverFound ??= [];
        found.Clear();
        handovers.Find(tokens, m.FirstToken, m.FirstToken + m.TokenCount, found);
        return found.Exists(f => f.FirstToken == m.FirstToken);
    }

    /// <summary>
    /// Whether the handover word <paramref name="m"/> hands a vehicle over (see <see cref="Conveyance.Handovers"/>): a
    /// <see cref="Conveyance.HandedVehicles"/> word stands in its clause and no person follows it («водитель отдал нас», "kept us on the plane" carry the customer).
    /// </summary>
    private bool HandsOverVehicle(TextContext context, Clause clause, TermMatch m)
    {
        if (personsMatcher is not null && CarriesPerson(context.Tokens, m.FirstToken + m.TokenCount, clause.EndToken)) return false;
        var found = new List<TermMatch>();
        handedVehicles!.Find(context.Tokens, clause.FirstToken, clause.EndToken, found);
        return found.Count > 0;
    }

    /// <summary>Whether some clause of the text hands a vehicle over (see <see cref="HandsOverVehicle"/>): then the vehicle is the goods.</summary>
    private bool HandsOverAnyVehicle(TextContext context)
    {
        if (handovers is null) return false;
        var found = new List<TermMatch>();
        foreach (var clause in context.Clauses)
        {
            found.Clear();
            handovers.Find(context.Tokens, clause.FirstToken, clause.EndToken, found);
            foreach (var h in found)
                if (HandsOverVehicle(context, clause, h)) return true;
        }
        return false;
    }
}
