using KxHome.Host.Cases;
using KxHome.Host.Representatives.Tasks;
using KxHome.Workflows;

namespace KxHome.Host.Representatives;

/// <summary>科协代表之家 (seed 004): the calls, the applications and their designations, their flows' tasks and checks.</summary>
public static class RepresentativesSetup
{
    public static IServiceCollection AddKxRepresentatives(this IServiceCollection services)
    {
        services.AddScoped<RepresentativeDesk>();
        services.AddScoped<CallDesk>();
        services.AddScoped<Hosting.DemoRepresentatives>();
        services.AddScoped<RepresentativeDirectory>();
        services.AddScoped<IProgrammeStart, RepresentativeStart>();
        services.AddScoped<ISubmissionRule, ApplicationFormRule>();
        services.AddScoped<ISubmissionRule, ScoreFormRule>();
        services.AddScoped<ISubmissionRule, CloseReviewRule>();
        services.AddScoped<ICaseEnded, RepresentativeCaseEnded>();
        return services
            .AddServiceTaskHandler<OpenCallTask>()
            .AddServiceTaskHandler<DecideCallTask>()
            .AddServiceTaskHandler<FileApplicationTask>()
            .AddServiceTaskHandler<ScoringExpertsTask>()
            .AddServiceTaskHandler<ScoredTask>()
            .AddServiceTaskHandler<PlanAssessmentTask>()
            .AddServiceTaskHandler<AssessedTask>()
            .AddServiceTaskHandler<ExpireTask>()
            .AddServiceTaskHandler<CorrectionDueTask>();
    }
}
