namespace Listening.Core.Text;

/// <summary>Detects ru / en / other. (First cut: by script; the sentiment work refines it.)</summary>
public static class LanguageDetector
{
    public const string Russian = "ru";
    public const string English = "en";
    public const string Other = "other";

    public static string Detect(string text)
    {
        int cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= 'А' and <= 'я' or 'Ё' or 'ё') cyrillic++;
            else if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z') latin++;
        }
        if (cyrillic == 0 && latin == 0) return Other;
        return cyrillic >= latin ? Russian : English;
    }
}
