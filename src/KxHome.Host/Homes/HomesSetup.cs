using KxHome.Host.Cases;
using KxHome.Host.Homes.Tasks;
using KxHome.Workflows;

namespace KxHome.Host.Homes;

/// <summary>The homes: their records and ledgers, the flows' tasks that change them, and the checks their programmes add.</summary>
public static class HomesSetup
{
    public static IServiceCollection AddKxHomes(this IServiceCollection services)
    {
        services.AddScoped<PolicyBook>();
        services.AddScoped<HomeRegistry>();
        services.AddScoped<FundingBook>();
        services.AddScoped<FiguresReader>();
        services.AddScoped<AssessmentDesk>();
        services.AddScoped<HomeAccess>();
        services.AddScoped<LedgerBook>();
        services.AddScoped<NewsDesk>();
        services.AddScoped<HomeDirectory>();
        services.AddScoped<Hosting.DemoHomes>();
        services.AddScoped<HomeCaseFacts>();
        services.AddScoped<IProgrammeStart, CertificationStart>();
        services.AddScoped<ISubmissionRule, CertificationFilingRule>();
        services.AddScoped<ISubmissionRule, GrantPurposeRule>();
        services.AddScoped<ICaseEnded, HomeCaseEnded>();
        return services
            .AddServiceTaskHandler<FileApplicationTask>()
            .AddServiceTaskHandler<PrecheckTask>()
            .AddServiceTaskHandler<SiteVisitExpertsTask>()
            .AddServiceTaskHandler<CertifyTask>()
            .AddServiceTaskHandler<RefuseTask>()
            .AddServiceTaskHandler<PlanRoundTask>()
            .AddServiceTaskHandler<OpenRoundTask>()
            .AddServiceTaskHandler<ConfirmFiguresTask>()
            .AddServiceTaskHandler<PublishGradeTask>()
            .AddServiceTaskHandler<AwardTask>()
            .AddServiceTaskHandler<CultivateTask>()
            .AddServiceTaskHandler<RevokeTask>()
            .AddServiceTaskHandler<OpenRectificationTask>()
            .AddServiceTaskHandler<RectificationPassedTask>()
            .AddServiceTaskHandler<RectificationExpiredTask>();
    }
}
