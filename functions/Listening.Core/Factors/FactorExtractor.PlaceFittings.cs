using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

// Round 19 (qual19): the fittings of the place where the customer stays while served — its showers, lockers, changing rooms,
// towels, hairdryers, seats and air conditioning — are the place's comfort (cleanliness_atmosphere), not the thing sold (the labelling guideline, "Fittings
// of the place are its comfort"): «шкафчики сломаны», «в душе нет горячей воды», "broken lockers and cold showers" in a gym or a
// water park. Where the stay itself is what is sold (a hotel room, a rented flat), its shower stays the product's.
public sealed partial class FactorExtractor
{
    // Word forms of a fitting: exact forms where a prefix would take another word («душу», «душевно» are the soul; «фен» no «фенхель»).
    private static readonly HashSet<string> FittingWords = new(StringComparer.Ordinal)
    {
        "душ", "душе", "душем", "душа", "душевая", "душевой", "душевые", "душевых", "душевую", "душевыми",
        "фен", "фены", "фена", "феном", "фенов", "фенами",
        "shower", "showers", "locker", "lockers", "towel", "towels", "hairdryer", "hairdryers", "hair-dryer", "hair-dryers",
        // the seats of a plane, a train, a cinema, a waiting room («кресла тесные», "the seats are sagging", «стулья сломаны»); not a
        // single «стул» or "chair": a chair sold in a furniture shop, a ski resort's chair (its lift)
        "кресло", "кресла", "кресле", "креслах", "креслами", "кресел", "стулья", "стульев", "стульях", "стульями", "seat", "seats", "chairs",
        // and the air of the place: its air conditioning and ventilation («кондиционер не работает», "air con broken in July")
        "кондиционер", "кондиционера", "кондиционеры", "кондиционеров", "кондиционером", "вентиляция", "вентиляции", "вентиляцию",
        "ventilation", "aircon", "air-con", "ac",
    };
    // Words of a car: a rented car's or a cab's seats and air conditioning are the ride sold (the car-sharing labels), so a text
    // that names a car keeps them as they were.
    private static readonly HashSet<string> CarWords = new(StringComparer.Ordinal)
        { "машина", "машину", "машины", "машине", "машиной", "машин", "car", "cars", "cab", "taxi" };
    private static readonly string[] CarStems = ["автомобил"];

    // Stems of a fitting whose every form is one («шкафчики», «раздевалка», «полотенца»).
    private static readonly string[] FittingStems = ["шкафчик", "раздевалк", "полотенц", "полотенч"];

    // Words of a stay that is sold (a hotel, a rented flat): the room, the bed, the night, checking in. «номер» and "room" alone are
    // the stay; a changing, locker or waiting room is not.
    private static readonly string[] StayStems =
        ["номер", "кроват", "отел", "гостиниц", "квартир", "заселен", "заселил", "заселя", "прожива", "матрас", "постел", "подушк",
         "hotel", "apartment", "mattress", "pillow", "check-in"];
    private static readonly HashSet<string> StayWords = new(StringComparer.Ordinal)
        { "ночь", "ночи", "ночей", "сутки", "суток", "bed", "beds", "night", "nights", "stay", "stayed", "flat" };
    private static readonly HashSet<string> RoomsOfNoStay = new(StringComparer.Ordinal) { "changing", "locker", "waiting", "fitting", "dressing" };

    private static bool IsFitting(List<WordToken> tokens, int i)
    {
        var word = tokens[i].Lower;
        if (FittingWords.Contains(word) || StartsWithAny(word, FittingStems)) return true;
        // "changing rooms", "hair dryer"
        return i > 0 && ((word is "room" or "rooms" && tokens[i - 1].Lower is "changing" or "locker")
                         || (word is "dryer" or "dryers" && tokens[i - 1].Lower == "hair")
                         || (word is "con" or "conditioning" && tokens[i - 1].Lower == "air"));
    }

    /// <summary>
    /// Whether the quality word <paramref name="m"/> is said of a fitting of the place: a shower, a locker, a changing room, a towel or
    /// a hairdryer stands in its part of the clause («В душе плесень», «шкафчики сломаны», "Rusty lockers, half don't lock") and the
    /// text names no stay that is sold (a hotel room, a bed, a night: "leaking shower" in a hotel review is the room's, the product's)
    /// and no car (a rented car's seats and air conditioning are the ride's).
    /// </summary>
    private bool IsPlaceFitting(TextContext context, Clause clause, TermMatch m, List<TermMatch> matches)
    {
        if (placeFactor < 0) return false;
        var tokens = context.Tokens;
        var (first, end) = Part(context, clause, m.FirstToken);
        var fitting = false;
        for (var i = first; i < end && !fitting; i++) fitting = IsFitting(tokens, i);
        if (!fitting) return false;
        // A brand whose offering is the fitting itself (its learned or configured offering words: "seats") has it judged as its product.
        if (offering is not null && OfferedIn(tokens, first, end)) return false;
        // "The oil stain on the seat is still there after the valet": quality's own phrase of a stain taken out or left is a cleaning's
        // result (round 14b), on a seat as anywhere; the place's bare «пятна на полотенцах» stays the place's.
        if (StainResultIn(tokens, matches, first, end)) return false;
        return !NamesStay(tokens) && !NamesCar(tokens);
    }

    private bool OfferedIn(List<WordToken> tokens, int first, int end)
    {
        var found = new List<TermMatch>();
        offering!.Find(tokens, first, end, found);
        foreach (var x in found)
            for (var t = x.FirstToken; t < x.FirstToken + x.TokenCount; t++)
                if (IsFitting(tokens, t)) return true;
        return false;
    }

    private bool StainResultIn(List<WordToken> tokens, List<TermMatch> matches, int first, int end)
    {
        var stain = false;
        for (var i = first; i < end && !stain; i++)
            stain = tokens[i].Lower.StartsWith("stain", StringComparison.Ordinal) || tokens[i].Lower.StartsWith("пятн", StringComparison.Ordinal);
        return stain && matches.Exists(x => x.Group == unnamedFactor && x.FirstToken >= first && x.FirstToken < end);
    }

    private static bool NamesCar(List<WordToken> tokens)
    {
        foreach (var token in tokens)
            if (CarWords.Contains(token.Lower) || StartsWithAny(token.Lower, CarStems)) return true;
        return false;
    }

    private static bool NamesStay(List<WordToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Lower;
            if (StayWords.Contains(word) || StartsWithAny(word, StayStems)) return true;
            if (word is "room" or "rooms" && !(i > 0 && RoomsOfNoStay.Contains(tokens[i - 1].Lower))) return true;
        }
        return false;
    }
}
