namespace Backstride.Core.Runs;

public enum Surface
{
    Road = 0,
    Trail = 1,
    Track = 2,
    Treadmill = 3,
    Other = 4,
}
