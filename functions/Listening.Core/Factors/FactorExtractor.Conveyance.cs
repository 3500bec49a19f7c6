using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

// Words of bringing and arriving: the delivery, the wait for a service, or a ride (see Conveyance).
public sealed partial class FactorExtractor
{
    private static readonly HashSet<string> ArrivalNegators = new(StringComparer.Ordinal)
    {
        "не", "никто", "no", "never", "not", "didn't", "didnt", "hasn't", "hasnt", "haven't", "havent", "wasn't", "wasnt", "nobody",
    };

    /// <summary>
    /// Gives each word of bringing or arriving its sense (see <see cref="Conveyance"/>): the delivery's term where the text
    /// names goods brought; nothing where a person is carried («довёз меня до дома»); the wait before the service where it
    /// says how fast the car or the master came, or that it never came; nothing otherwise.
    /// </summary>
    private void ResolveConveyance(TextContext context, int first, int end, List<TermMatch> matches)
    {
        if (goodsMatcher is null) return;
        ResolveInstallersAndTakenBack(context, first, end, matches);
        var carriers = 4 * factorCount + 2;
        var arrivals = carriers + 1;
        var tokens = context.Tokens;
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            var m = matches[i];
            var clause = ClauseOf(context, first, end, m);
            // "helped with my suitcases", «ждали с чемоданами»: luggage the customer has along is no goods carried for them.
            if (m.Group == 2 * factorCount + conveyFactor && IsHadAlong(tokens, clause, m)) { matches.RemoveAt(i); continue; }
            if (m.Group == conveyFactor && personsMatcher is not null && CarriesPerson(tokens, m.FirstToken + m.TokenCount, clause.EndToken))
            {
                // «привёз меня до дома», "delivered us to the airport": a person carried is the ride, not a delivery.
                matches.RemoveAt(i);
                continue;
            }
            if (m.Group == arrivals + 1)
            {
                // «очки не готовы в срок», "ready a day earlier than promised": the order's readiness timed or denied is its delivery.
                if (conveyFactor >= 0 && IsReadinessTimedOrDenied(context, clause, m, matches)) matches[i] = m with { Group = conveyFactor };
                else matches.RemoveAt(i);
                continue;
            }
            if (m.Group != carriers && m.Group != arrivals) continue;
            var after = m.FirstToken + m.TokenCount;
            if (m.Group == carriers && CarriesPerson(tokens, after, clause.EndToken)) { matches.RemoveAt(i); continue; }
            if (context.Goods is null) ReadGoods(context);
            if (m.Group == carriers && (context.Goods == true || !context.Vehicle))
            {
                // "The bonus for inviting a friend never showed up", "Mentor never showed up", «компенсация так и не пришла»: what
                // does not come is the thing named before it, another factor's, not a delivery.
                // Goods brought by a person ("the driver arrived with my sofa") stay the delivery's.
                if (ArrivesAsOtherFactor(context, clause, m, matches) is var thing and >= 0 && !(context.Goods == true && Taxonomy.Factors[thing].JudgedAsSubject))
                {
                    // Neither goods nor a car came: a bonus, a refund, a mentor («наставник» is judged by what they did, as staff).
                    // A person's arrival read as the wait measured worse on NHS (its labels file "the crew arrived quickly" under
                    // no waiting) and on school (a mentor who never showed up is labelled staff).
                    matches.RemoveAt(i);
                    continue;
                }
                // Goods brought, or nothing said of a car: a carrier is the delivery's own term.
                if (conveyFactor >= 0) matches[i] = m with { Group = conveyFactor };
                else matches.RemoveAt(i);
                continue;
            }
            // An arrival word where goods are brought leaves the delivery to its own terms.
            if (context.Goods == true) { matches.RemoveAt(i); continue; }
            // "Cashback shows up instantly", "the hotline picked up in 2 minutes": another factor's thing came, no car or master.
            if (arrivalFactor >= 0 && (HasQualifier(matches, clause) || IsNegatedArrival(tokens, clause, m) || HasVisitTime(context, clause))
                && (ArrivesAsOtherFactor(context, clause, m, matches) is var other && (other < 0 || Taxonomy.Factors[other].JudgedAsSubject)))
                matches[i] = m with { Group = arrivalFactor };
            else matches.RemoveAt(i);
        }
    }

    [ThreadStatic] private static List<TermMatch>? visitFound;

    /// <summary>
    /// Round 11. An installer named in a sentence that says nothing of the visit is judged as a person, the installer factor
    /// (staff): «Сборщики супер», "Kitchen installer scratched our new laminate" (see <see cref="Conveyance.Installers"/>). A
    /// courier who only takes goods back, in a sentence about a return, brings nothing: «Вернула пылесос, курьер забрал на
    /// следующий день», "Returned a lamp, courier picked it up the next day" are the return's (<see cref="Conveyance.TakenBack"/>).
    /// </summary>
    private void ResolveInstallersAndTakenBack(TextContext context, int first, int end, List<TermMatch> matches)
    {
        if (visitMatcher is null || conveyFactor < 0) return;
        var found = visitFound ??= [];
        found.Clear();
        visitMatcher.Find(context.Tokens, context.Clauses[first].FirstToken, context.Clauses[end - 1].EndToken, found);
        if (found.Count == 0) return;
        if (found.Exists(f => f.Group == 3)) ResolveVisitors(context, first, end, matches, found);
        if (!matches.Exists(m => m.Group == conveyFactor)) return;
        var visit = found.Exists(f => f.Group == 1) || SaysOfVisit(matches, found);
        var aboutReturn = takenBackFactor >= 0 && matches.Exists(m => m.Group % factorCount == takenBackFactor && m.Group < 2 * factorCount);
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            var m = matches[i];
            if (m.Group != conveyFactor) continue;
            if (IsInstaller(found, m))
            {
                if (installerFactor >= 0 && !visit) matches[i] = m with { Group = installerFactor };
                continue;
            }
            if (!aboutReturn) continue;
            var clause = ClauseOf(context, first, end, m);
            if (found.Exists(f => f.Group == 2 && f.FirstToken >= clause.FirstToken && f.FirstToken < clause.EndToken)
                && !matches.Exists(o => o != m && o.Group % factorCount == conveyFactor && o.Group < 2 * factorCount
                                        && o.FirstToken >= clause.FirstToken && o.FirstToken < clause.EndToken))
                matches.RemoveAt(i);
        }
    }

    /// <summary>
    /// Round 11. A person who comes to repair or connect something (<see cref="Conveyance.Visitors"/>) said to come («пришёл»,
    /// "came") in a clause: in a text of goods or a connection, the delivery-and-installation visit; else, with its time or as never
    /// coming, the wait for the service («Инженер пришёл через 40 минут после звонка», "the electrician came at 7:30").
    /// </summary>
    private void ResolveVisitors(TextContext context, int first, int end, List<TermMatch> matches, List<TermMatch> found)
    {
        var tokens = context.Tokens;
        for (var c = first; c < end; c++)
        {
            var clause = context.Clauses[c];
            bool In(TermMatch f) => f.FirstToken >= clause.FirstToken && f.FirstToken < clause.EndToken;
            var visitor = found.FindIndex(f => f.Group == 3 && In(f));
            var coming = found.FindIndex(f => f.Group == 1 && In(f));
            if (visitor < 0 || coming < 0) continue;
            if (context.Goods is null) ReadGoods(context);
            var v = found[visitor];
            if (context.Goods == true)
            {
                if (!matches.Exists(m => m.Group == conveyFactor && In(m))) matches.Add(new TermMatch(conveyFactor, v.FirstToken, v.TokenCount));
                continue;
            }
            if (arrivalFactor < 0) continue;
            var timed = HasQualifier(matches, clause) || found.Exists(f => f.Group == 4 && In(f)) || IsNegatedArrival(tokens, clause, found[coming]);
            if (!timed) continue;
            // The visit is the wait: a delivery word of the same visit in the clause («мастер пришёл») names no goods brought.
            matches.RemoveAll(m => m.Group == conveyFactor && In(m));
            if (!matches.Exists(m => m.Group == arrivalFactor && In(m))) matches.Add(new TermMatch(arrivalFactor, v.FirstToken, v.TokenCount));
        }
    }

    private static bool IsInstaller(List<TermMatch> found, TermMatch m) =>
        found.Exists(f => f.Group == 0 && f.FirstToken < m.FirstToken + m.TokenCount && m.FirstToken < f.FirstToken + f.TokenCount);

    /// <summary>Whether the sentence speaks of a visit: a speed or time word, a word of coming, or a delivery word other than an installer.</summary>
    private bool SaysOfVisit(List<TermMatch> matches, List<TermMatch> found)
    {
        foreach (var o in matches)
        {
            if (o.Group == 3 * factorCount + 1 || o.Group >= 4 * factorCount + 2) return true;
            if (o.Group % factorCount == conveyFactor && o.Group < 2 * factorCount && !IsInstaller(found, o)) return true;
        }
        return false;
    }

    /// <summary>The clause of [first, end) the match starts in (the matcher only finds matches inside them).</summary>
    private static Clause ClauseOf(TextContext context, int first, int end, TermMatch m)
    {
        for (var c = first; c < end; c++)
            if (m.FirstToken >= context.Clauses[c].FirstToken && m.FirstToken < context.Clauses[c].EndToken) return context.Clauses[c];
        return context.Clauses[end - 1];
    }

    /// <summary>
    /// Whether the carrier word <paramref name="m"/> says of another factor's own term or a person before it, in its part of the
    /// clause and with no opinion word between, that it came or did not (a bonus, a refund, a notification, a mentor): that
    /// factor's thing arriving, not goods brought. A weak word ("the card arrived in 90 minutes") or a product is no such subject.
    /// </summary>
    /// <returns>That factor (index), or -1.</returns>
    private int ArrivesAsOtherFactor(TextContext context, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        var (first, _) = Segment(context.Text, context.Tokens, clause, m.FirstToken);
        var (nearest, nearestEnd) = (-1, -1);
        foreach (var other in matches)
        {
            var kind = other.Group / factorCount;
            // A product judged («пицца», "the sofa") is goods brought; a person (a judged role: "mentor") is not.
            if (other.Group >= 3 * factorCount || kind == 1 || other.Group % factorCount == conveyFactor
                || kind == 2 && !Taxonomy.Factors[other.Group % factorCount].JudgedAsSubject) continue;
            var end = other.FirstToken + other.TokenCount;
            if (other.FirstToken < first || end > m.FirstToken || IsInsideLongerMatch(other, matches)) continue;
            // The nearest such term is what came ("the streaming service's cashback shows up": the cashback).
            if (end > nearestEnd) (nearest, nearestEnd) = (other.Group % factorCount, end);
        }
        return nearest >= 0 && !cues.HasOpinionWord(context.Tokens, nearestEnd, m.FirstToken) ? nearest : -1;
    }

    private void ReadGoods(TextContext context)
    {
        var found = new List<TermMatch>();
        goodsMatcher!.Find(context.Tokens, 0, context.Tokens.Count, found);
        context.Goods = found.Exists(f => f.Group == 0);
        context.Vehicle = found.Exists(f => f.Group == 1);
        context.HandedVehicle = context.Vehicle && HandsOverAnyVehicle(context);
    }

    private bool CarriesPerson(List<WordToken> tokens, int after, int clauseEnd)
    {
        if (after >= clauseEnd) return false;
        var found = new List<TermMatch>(1);
        personsMatcher!.Find(tokens, after, Math.Min(clauseEnd, after + 3), found);
        foreach (var p in found)
            if (p.FirstToken <= after + 1) return true;
        return false;
    }

    /// <summary>
    /// Whether a qualifier that describes no factor is a lateness word (<see cref="FactorTaxonomy.Lateness"/>) in a text that
    /// names no goods brought: the service itself ran late or on time (a flight, a train, an appointment), which is the wait.
    /// </summary>
    private bool IsOwnLateness(TextContext context, TermMatch m)
    {
        if (!IsLatenessWord(context.Tokens, m)) return false;
        if (goodsMatcher is null) return true;
        if (context.Goods is null) ReadGoods(context);
        return context.Goods != true;
    }

    // Round 19: a ride the customer takes (a flight, a train): its crew's lateness is the ride's, not a visit to the customer.
    private static readonly string[] RideStems = ["flight", "plane", "train", "рейс", "самол", "поезд", "электрич"];

    /// <summary>
    /// Round 19: whether the lateness word <paramref name="m"/> is said in a clause that names a person who comes to the customer
    /// (<see cref="Conveyance.Visitors"/>, <see cref="Conveyance.Installers"/>: a crew, movers, a technician, an installer): being
    /// late or on time presumes a booked slot, and a booked visit kept or missed is the delivery's (the labelling guideline,
    /// "A job left with the brand is delivered"): «Бригада опоздала на три часа», "the installers were two hours late". Not a
    /// «мастер» (a salon's master is late for the chair the customer waits in), and not in a text of a ride the customer takes
    /// (a flight's or a train's crew). A time without lateness («инженер пришёл через 40 минут») stays the wait for the visit.
    /// </summary>
    private bool IsVisitSlot(TextContext context, Clause clause, TermMatch m)
    {
        if (visitMatcher is null || conveyFactor < 0) return false;
        var tokens = context.Tokens;
        if (!IsLatenessWord(tokens, m)) return false;
        var found = visitFound ??= [];
        found.Clear();
        visitMatcher.Find(tokens, clause.FirstToken, clause.EndToken, found);
        var visitor = found.Exists(f => (f.Group == 3 || f.Group == 0) && !tokens[f.FirstToken].Lower.StartsWith("мастер", StringComparison.Ordinal)
                                        && tokens[f.FirstToken].Lower is not "master");
        if (!visitor) return false;
        foreach (var token in tokens)
            if (StartsWithAny(token.Lower, RideStems)) return false;
        return true;
    }

    /// <summary>Whether the qualifier <paramref name="m"/> is a lateness word (<see cref="FactorTaxonomy.Lateness"/>), not a speed or a time.</summary>
    private bool IsLatenessWord(List<WordToken> tokens, TermMatch m)
    {
        if (latenessMatcher is null) return false;
        var found = latenessFound ??= [];
        found.Clear();
        latenessMatcher.Find(tokens, m.FirstToken, m.FirstToken + m.TokenCount, found);
        return found.Exists(f => f.FirstToken == m.FirstToken);
    }

    private static readonly HashSet<string> Along = new(StringComparer.Ordinal) { "with", "с", "со" };
    private static readonly HashSet<string> Possessives = new(StringComparer.Ordinal)
    {
        "my", "our", "his", "her", "their", "the", "all", "моим", "моими", "нашим", "нашими", "своим", "своими", "всеми",
    };

    /// <summary>Whether a judged thing follows "with" / «с» (a possessive between allowed): what the customer has along.</summary>
    private static bool IsHadAlong(List<WordToken> tokens, Clause clause, TermMatch m)
    {
        var at = m.FirstToken - 1;
        if (at >= clause.FirstToken && Possessives.Contains(tokens[at].Lower)) at--;
        return at >= clause.FirstToken && Along.Contains(tokens[at].Lower);
    }

    /// <summary>
    /// Round 15: whether the delivery word <paramref name="m"/> stands in a part that judges only what the bringing costs: the
    /// part names the fee factor (a sum, «платная», "costs more") with no "and" between the two, nothing free, no day or hour,
    /// no other word of the delivery, and its clause has no time or speed (see <see cref="Conveyance.PriceFactor"/>).
    /// </summary>
    private bool IsFeeOfDelivery(TextContext context, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        if (feeFactor < 0 || HasQualifier(matches, clause)) return false;
        var tokens = context.Tokens;
        var (first, end) = Segment(context.Text, tokens, clause, m.FirstToken);
        var feeAt = -1;
        foreach (var o in matches)
        {
            if (o.FirstToken < first || o.FirstToken >= end) continue;
            var overlaps = o.FirstToken < m.FirstToken + m.TokenCount && m.FirstToken < o.FirstToken + o.TokenCount;
            if (o.Group == conveyFactor && !overlaps) return false;
            // The fee factor's own terms (a sum, "costs more", «дороже»), and of its weak words only «платная» (charged for):
            // money paid or asked back («заплатил курьеру», «верните деньги») is the payment's or the refund's, not a fee.
            var isFee = o.Group == feeFactor || o.Group == factorCount + feeFactor && tokens[o.FirstToken].Lower.StartsWith("платн", StringComparison.Ordinal);
            if (isFee && !overlaps && feeAt < 0) feeAt = o.FirstToken;
        }
        if (feeAt < 0) return false;
        for (var i = first; i < end; i++)
        {
            var word = tokens[i].Lower;
            if (word is "free" || word.StartsWith("бесплатн", StringComparison.Ordinal) || DayWords.Contains(word)) return false;
            // "Best prices and reliable delivery", «дешевле и за один день»: two things judged side by side, not the fee of one.
            if (i > Math.Min(feeAt, m.FirstToken) && i < Math.Max(feeAt, m.FirstToken) && Joiners.Contains(word)) return false;
        }
        return true;
    }

    // "next day", «за 4 дня», «завтра»: the bringing timed in the part, so it judges the bringing as well as its cost.
    private static readonly HashSet<string> DayWords = new(StringComparer.Ordinal)
    {
        "day", "days", "tomorrow", "tonight", "hour", "hours", "день", "дня", "дней", "сутки", "завтра", "час", "часа", "часов",
    };

    private static readonly HashSet<string> Joiners = new(StringComparer.Ordinal) { "and", "but", "plus", "и", "а", "но", "да" };

    // Round 15: the words of the person who brings («курьер», "courier", «доставщик»), and the words that may stand beside him
    // and his manner in a part that judges only the person ("the courier was very polite", «курьеры всегда вежливые»).
    private static readonly string[] BringerPrefixes = ["courier", "курьер", "kurer", "kurier", "kuryer", "доставщик"];

    private static readonly HashSet<string> MannerFiller = new(StringComparer.Ordinal)
    {
        "the", "a", "our", "my", "your", "his", "was", "were", "is", "are", "very", "so", "super", "really", "always", "and", "too",
        "очень", "был", "была", "были", "всегда", "и", "такой", "такие", "наш", "мой", "тоже", "все", "всё",
    };

    /// <summary>
    /// Round 15: whether the delivery word <paramref name="m"/> is a courier judged only as a person: his part of the clause holds
    /// nothing but him, words of manner of the installer factor (staff's «вежливый», "rude", "friendly"), names written with a
    /// capital and a few linking words, and the clause has no time or speed — «Курьеры вежливые», "Great app, polite couriers",
    /// «Курьер Свежо вежливый». The guideline files the courier's manner under staff; a courier who did something («курьер
    /// занёс стиралку на 6 этаж», "the courier rescheduled twice") stays the delivery's.
    /// </summary>
    private bool IsCourierMannerOnly(TextContext context, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        if (installerFactor < 0 || !IsBringer(context.Tokens[m.FirstToken].Lower) || HasQualifier(matches, clause)) return false;
        var tokens = context.Tokens;
        var (first, end) = Segment(context.Text, tokens, clause, m.FirstToken);
        var manner = false;
        for (var i = first; i < end; i++)
        {
            if (i >= m.FirstToken && i < m.FirstToken + m.TokenCount) continue;
            var inManner = false;
            foreach (var o in matches)
                if (o.Group == factorCount + installerFactor && i >= o.FirstToken && i < o.FirstToken + o.TokenCount) { inManner = true; break; }
            if (inManner) { manner = true; continue; }
            var word = tokens[i];
            // A name or a brand written with a capital: «Курьер Свежо», "Korobka courier" (not a sentence's first word elsewhere).
            if (MannerFiller.Contains(word.Lower) || (i > first || i + 1 == m.FirstToken) && char.IsUpper(context.Text[word.Start])) continue;
            return false;
        }
        return manner;
    }

    private static bool IsBringer(string word) => StartsWithAny(word, BringerPrefixes);

    private bool HasQualifier(List<TermMatch> matches, Clause clause)
    {
        foreach (var q in matches)
            if (q.Group == 3 * factorCount + 1 && q.FirstToken >= clause.FirstToken && q.FirstToken < clause.EndToken) return true;
        return false;
    }

    /// <summary>
    /// Whether the clause names a visiting technician and times the visit by its day or hour (<see cref="Conveyance.VisitTimes"/>:
    /// "the electrician turned up at 7:30", «аварийка приехала в 4 утра»); the customer's own coming a few days ago times nothing.
    /// </summary>
    private bool HasVisitTime(TextContext context, Clause clause)
    {
        if (visitMatcher is null) return false;
        var found = new List<TermMatch>(2);
        visitMatcher.Find(context.Tokens, clause.FirstToken, clause.EndToken, found);
        return found.Exists(f => f.Group == 4) && found.Exists(f => f.Group == 3);
    }

    private static bool IsNegatedArrival(List<WordToken> tokens, Clause clause, TermMatch m)
    {
        for (var i = Math.Max(clause.FirstToken, m.FirstToken - 3); i < m.FirstToken; i++)
            if (ArrivalNegators.Contains(tokens[i].Lower)) return true;
        return false;
    }
}
