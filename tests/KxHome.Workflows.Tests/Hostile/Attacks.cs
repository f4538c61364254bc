namespace KxHome.Workflows.Tests.Hostile;

/// <summary>The hostile-input corpus, group by group (one file each).</summary>
internal static partial class Attacks
{
    public static IEnumerable<Attack> All(Arena arena) =>
        Bpmn().Concat(Expressions()).Concat(Uploads()).Concat(Fields()).Concat(MailLinks()).Concat(OtherOrganisations())
            .Concat(EveryRoute(arena)).Concat(Bodies()).Concat(Pages());
}
