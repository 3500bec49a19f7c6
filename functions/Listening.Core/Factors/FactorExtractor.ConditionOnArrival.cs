using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

// Round 18: the condition goods arrive in — crushed, torn, wet, cracked — is the delivery's (the labelling guideline: "damage caused in
// transit is delivery"; "condition on arrival (cold, spilled, crushed)"), not a verdict on how the thing was made.
public sealed partial class FactorExtractor
{
    // Words of the goods coming to the customer («пришли», «привезли», "arrived", "turned up"); "came" and "up" after "turned"/"showed".
    private static readonly string[] ArrivingStems = ["пришл", "пришёл", "пришел", "приходят", "приеха", "привез", "привёз", "доставил", "доставлен", "arrived", "came", "delivered"];

    // Words of damage a thing can take on the way («мятый», «разбитые», «порван», «промокли», "crushed", "dented", "torn", "soaked").
    private static readonly string[] DamageStems =
    [
        "мят", "помят", "разбит", "бит", "порван", "порвал", "продран", "треснут", "трещин", "слома", "мокр", "промок", "размок", "поцарапан",
        "царапин", "поврежд", "вмятин", "раздавл", "dent", "crush", "smash", "torn", "ripped", "crack", "broke", "damag", "wet", "soak", "bent",
        "scratch", "squash", "spill",
    ];

    /// <summary>
    /// Whether the clause of the thing-sold word <paramref name="m"/> says goods came with damage («Книги пришли разбитые», «Книга пришла с
    /// мятым корешком», "One book came with a dented corner", "the books turned up in a torn bag"): the damage is how the goods arrived,
    /// the delivery's, not how the thing was made. In a text that names goods or no vehicle (a car that came with a cracked windscreen
    /// is the ride itself: «приехала машина с треснутым лобовым»), and only in the same clause: «Коробку привезли мятую, одна полка
    /// треснула» still judges the shelf.
    /// </summary>
    private bool IsConditionOnArrival(TextContext context, Clause clause, TermMatch m)
    {
        if (goodsMatcher is null) return false;
        var tokens = context.Tokens;
        var arriving = false;
        var damage = false;
        for (var i = clause.FirstToken; i < clause.EndToken; i++)
        {
            var word = tokens[i].Lower;
            if (StartsWithAny(word, ArrivingStems) || (word is "up" && i > clause.FirstToken && tokens[i - 1].Lower is "turned" or "showed")) arriving = true;
            else if (StartsWithAny(word, DamageStems)) damage = true;
        }
        if (!arriving || !damage) return false;
        if (context.Goods is null) ReadGoods(context);
        return context.Goods == true || !context.Vehicle;
    }
}
