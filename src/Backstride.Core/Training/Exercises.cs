namespace Backstride.Core.Training;

public enum DoseKind
{
    Reps = 0,
    HoldSeconds = 1,
}

/// <summary>One strength exercise with instructions written for this project, its common faults, and an easier and a harder version.</summary>
public sealed record Exercise(
    string Id,
    string Name,
    DoseKind Kind,
    string HowTo,
    IReadOnlyList<string> CommonFaults,
    string Easier,
    string Harder,
    int RestSeconds);

/// <summary>The exercise table (PRODUCT.md remedy 5; CLINICAL.md §3: progressive strength and core work, 2–3 sessions a week).</summary>
public static class Exercises
{
    public static readonly IReadOnlyList<Exercise> All =
    [
        new("squat", "Squat", DoseKind.Reps,
            "Stand with your feet a little wider than your hips. Sit back and down as if onto a chair, chest up, knees following your toes, until your thighs are about level with the floor. Push through your whole foot to stand.",
            ["Knees falling inwards", "Heels lifting", "Rounding the lower back at the bottom"],
            "Squat to a chair and stand up again", "Hold a kettlebell or dumbbell at your chest (goblet squat)", 90),
        new("deadlift", "Kettlebell deadlift", DoseKind.Reps,
            "Stand with a kettlebell (or two dumbbells) between your feet. Push your hips back with a soft bend in the knees and a flat back, grip the weight, then stand tall by driving your hips forward. Lower it the same way.",
            ["Rounding the back to reach the weight", "Squatting instead of hinging at the hips", "Leaning back at the top"],
            "Body-weight hip hinge with your hands on your hips", "A heavier weight, or a single-leg deadlift", 120),
        new("hip-hinge", "Body-weight hip hinge", DoseKind.Reps,
            "Stand tall with your hands on your hips. Push your hips back as far as you can while your back stays long and flat and your knees bend a little; feel the stretch behind your thighs, then stand up by bringing your hips forward.",
            ["Bending the back instead of the hips", "Locking the knees straight"],
            "Hinge with your bottom touching a wall behind you", "Hold a light weight, or hinge on one leg", 60),
        new("sit-up", "Sit-up", DoseKind.Reps,
            "Lie on your back with your knees bent and feet flat. Cross your arms on your chest, tighten your stomach and curl up until your shoulder blades are off the floor, then lower slowly.",
            ["Pulling on your neck", "Jerking up with momentum"],
            "Curl-up: lift only your head and shoulders", "Full sit-up with your arms overhead", 60),
        new("dead-bug", "Dead bug", DoseKind.Reps,
            "Lie on your back, arms pointing at the ceiling, knees bent at right angles above your hips. Keep your lower back gently pressed to the floor as you lower one arm and the opposite leg towards the floor, then swap. Each side counts as one.",
            ["The lower back arching off the floor", "Moving fast"],
            "Move only the legs, arms still", "Straighten the leg fully as you lower it", 45),
        new("bird-dog", "Bird dog", DoseKind.Reps,
            "On hands and knees, back flat, reach one arm forward and the opposite leg back until both are level with your body. Pause, return, and swap. Each side counts as one.",
            ["Twisting the hips", "Arching the lower back as the leg lifts"],
            "Lift only one arm or one leg at a time", "Hold each reach for 5 seconds", 45),
        new("side-plank", "Side plank", DoseKind.HoldSeconds,
            "Lie on your side, elbow under your shoulder. Lift your hips so your body is straight from head to feet, and hold. Then the other side.",
            ["Hips sagging towards the floor", "Rolling forwards"],
            "Knees bent, hips lifted from the knees", "Lift the top leg while you hold", 45),
        new("glute-bridge", "Glute bridge", DoseKind.Reps,
            "Lie on your back with your knees bent and feet flat, hip-width apart. Squeeze your buttocks and lift your hips until your body is straight from shoulders to knees, pause, and lower slowly.",
            ["Pushing up with the lower back instead of the buttocks", "Feet too far from the hips"],
            "Smaller lifts, pausing at the top", "One leg at a time", 45),
    ];

    public static Exercise Find(string id) =>
        All.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal))
        ?? throw new ArgumentException($"No exercise '{id}'.", nameof(id));
}

public enum Variant
{
    Easier = 0,
    Standard = 1,
    Harder = 2,
}

/// <summary>What to do of one exercise in a session: sets of reps (or holds in seconds), in a version.</summary>
public sealed record Prescription(string ExerciseId, int Sets, int Amount, Variant Variant);

/// <summary>The three programme levels; each session does its exercises in this order.</summary>
public static class Programme
{
    public const int MinSessionsPerWeek = 2;
    public const int MaxSessionsPerWeek = 3;

    public static IReadOnlyList<Prescription> Level(int level) => level switch
    {
        1 =>
        [
            new("squat", 2, 8, Variant.Easier), new("hip-hinge", 2, 10, Variant.Standard), new("glute-bridge", 2, 10, Variant.Standard),
            new("dead-bug", 2, 8, Variant.Easier), new("bird-dog", 2, 8, Variant.Easier), new("side-plank", 2, 15, Variant.Easier),
        ],
        2 =>
        [
            new("squat", 3, 10, Variant.Standard), new("deadlift", 3, 8, Variant.Standard), new("glute-bridge", 3, 12, Variant.Standard),
            new("dead-bug", 3, 10, Variant.Standard), new("bird-dog", 3, 10, Variant.Standard), new("side-plank", 3, 25, Variant.Standard),
        ],
        3 =>
        [
            new("squat", 3, 10, Variant.Harder), new("deadlift", 4, 8, Variant.Harder), new("glute-bridge", 3, 12, Variant.Harder),
            new("sit-up", 3, 12, Variant.Standard), new("bird-dog", 3, 10, Variant.Harder), new("side-plank", 3, 40, Variant.Standard),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Levels are 1, 2 and 3."),
    };
}
