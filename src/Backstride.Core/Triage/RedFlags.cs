namespace Backstride.Core.Triage;

/// <summary>How soon a clinician should see the runner; higher wins.</summary>
public enum TriageLevel
{
    SelfCare = 0,
    SeeDoctor = 1,
    Urgent = 2,
    Emergency = 3,
}

/// <summary>One red-flag question a runner answers about now, and the same sign as a plain statement for lists.</summary>
public sealed record RedFlagQuestion(string Id, string Question, string Sign, TriageLevel Level, string Source);

/// <summary>
/// The reviewed red-flag table from CLINICAL.md §2. Questions are written in plain words; the level is what a
/// "yes" leads to. History questions (cancer, weight loss, immune suppression, osteoporosis) live in the back profile.
/// </summary>
public static class RedFlags
{
    private const string CaudaEquina = "Cauda equina pathway, NHS/NICE CKS; British Association of Spine Surgeons 2018";
    private const string Urgent = "NICE CKS; ACP/APS 2007; NHS public advice";
    private const string Label = "OTC pain reliever labels (CLINICAL.md §1)";

    public const string BladderId = "bladder";
    public const string BowelId = "bowel";
    public const string SaddleId = "saddle";
    public const string BothLegsWeakId = "both-legs-weak";
    public const string SexualId = "sexual";
    public const string SeriousFallId = "serious-fall";
    public const string FeverId = "fever";
    public const string InfectionId = "infection";
    public const string NightPainId = "night-pain";
    public const string SeveralPlacesId = "several-places";
    public const string LumpId = "lump";
    public const string OneLegWorseId = "one-leg-worse";
    public const string MinorFallId = "minor-fall";
    public const string TenDaysId = "ten-days";

    public static readonly IReadOnlyList<RedFlagQuestion> Questions =
    [
        new(BladderId, "Since this pain started, have you had new trouble passing urine, or leaked urine without meaning to?", "New trouble passing urine, or leaking urine without meaning to", TriageLevel.Emergency, CaudaEquina),
        new(BowelId, "Have you lost control of your bowels, or not noticed when they opened?", "Loss of control of your bowels", TriageLevel.Emergency, CaudaEquina),
        new(SaddleId, "Is there numbness or tingling around your bottom, genitals or inner thighs (where you would sit on a saddle)?", "Numbness or tingling around your bottom, genitals or inner thighs", TriageLevel.Emergency, CaudaEquina),
        new(BothLegsWeakId, "Are both legs weak or numb, or getting weaker, or is walking hard?", "Both legs weak or numb, getting weaker, or trouble walking", TriageLevel.Emergency, CaudaEquina),
        new(SexualId, "Have you noticed new problems with sexual function since the back pain began?", "New problems with sexual function since the back pain began", TriageLevel.Emergency, CaudaEquina),
        new(SeriousFallId, "Did this pain start after a serious accident or a bad fall?", "Back pain after a serious accident or a bad fall", TriageLevel.Emergency, CaudaEquina),
        new(FeverId, "Do you have a fever or chills?", "Fever or chills with back pain", TriageLevel.Urgent, Urgent),
        new(InfectionId, "Have you had a bacterial infection recently, or do you inject drugs?", "A recent bacterial infection, or injecting drugs", TriageLevel.Urgent, Urgent),
        new(NightPainId, "Is the pain worse at night, or not eased at all by lying still?", "Pain worse at night, or not eased at all by lying still", TriageLevel.Urgent, Urgent),
        new(SeveralPlacesId, "Do you have pain in several other places in your body too?", "Pain in several other places too", TriageLevel.Urgent, Urgent),
        new(LumpId, "Have you noticed a lump, or a change in the shape of your back?", "A lump, or a change in the shape of your back", TriageLevel.Urgent, Urgent),
        new(OneLegWorseId, "Is one leg weak or numb, and getting worse?", "One leg weak or numb, and getting worse", TriageLevel.Urgent, Urgent),
        // Urgent only with osteoporosis or long-term steroids; on its own it is asked so the rule can apply.
        new(MinorFallId, "Did the pain start after a minor fall or knock?", "Pain after a minor fall or knock", TriageLevel.Urgent, Urgent),
        new(TenDaysId, "Has this pain lasted more than 10 days despite self-care?", "Pain lasting more than 10 days despite self-care", TriageLevel.SeeDoctor, Label),
    ];

    public static RedFlagQuestion? Find(string id) =>
        Questions.FirstOrDefault(q => string.Equals(q.Id, id, StringComparison.Ordinal));

    /// <summary>The emergency signs, listed on every plan page whatever the answers were.</summary>
    public static IEnumerable<RedFlagQuestion> EmergencySigns => Questions.Where(q => q.Level == TriageLevel.Emergency);
}
