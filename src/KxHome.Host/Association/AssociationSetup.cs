using KxHome.Workflows;

namespace KxHome.Host.Association;

/// <summary>The handlers behind the designer's palette of 科协 tasks (<c>workflows/templates/*.json</c>), one per topic.</summary>
public static class AssociationSetup
{
    public static IServiceCollection AddKxAssociation(this IServiceCollection services) => services
        .AddServiceTaskHandler<SendMailHandler>()
        .AddServiceTaskHandler<GrantFundingHandler>()
        .AddServiceTaskHandler<RecordAssessmentHandler>()
        .AddServiceTaskHandler<NamePlaqueHandler>()
        .AddServiceTaskHandler<PublicNoticeHandler>()
        .AddServiceTaskHandler<RevokeHandler>()
        .AddServiceTaskHandler<FileReportHandler>();
}
