namespace KxHome.Workflows.Association;

/// <summary>The officers an association's committee elects (R24), in the order they are listed.</summary>
public enum OfficerRole
{
    Chair,
    ViceChair,
    SecretaryGeneral,
    DeputySecretaryGeneral,
    Contact,
}
