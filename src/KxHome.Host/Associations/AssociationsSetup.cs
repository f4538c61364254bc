using KxHome.Host.Associations.Tasks;
using KxHome.Host.Cases;
using KxHome.Workflows;

namespace KxHome.Host.Associations;

/// <summary>From home to association: the cultivation paths, the associations and their terms, and their flows' tasks and checks.</summary>
public static class AssociationsSetup
{
    public static IServiceCollection AddKxAssociations(this IServiceCollection services)
    {
        services.AddScoped<CultivationBook>();
        services.AddScoped<AssociationRegistry>();
        services.AddScoped<AssociationDirectory>();
        services.AddScoped<Hosting.DemoAssociations>();
        services.AddScoped<IProgrammeStart, CultivationStart>();
        services.AddScoped<IProgrammeStart, FoundingStart>();
        services.AddScoped<ISubmissionRule, CultivationIntentRule>();
        services.AddScoped<ISubmissionRule, VerificationFormRule>();
        services.AddScoped<ISubmissionRule, FoundingFormRule>();
        services.AddScoped<ISubmissionRule, CongressFormRule>();
        services.AddScoped<ISubmissionRule, ConveneFormRule>();
        services.AddScoped<ISubmissionRule, ApprovalFormRule>();
        services.AddScoped<ICaseEnded, AssociationCaseEnded>();
        return services
            .AddServiceTaskHandler<OpenCultivationTask>()
            .AddServiceTaskHandler<DeclareIntentTask>()
            .AddServiceTaskHandler<ImproveTask>()
            .AddServiceTaskHandler<KeepGuidanceTask>()
            .AddServiceTaskHandler<VerifiedTask>()
            .AddServiceTaskHandler<UpgradeTask>()
            .AddServiceTaskHandler<CultivatedTask>()
            .AddServiceTaskHandler<EndCultivationTask>()
            .AddServiceTaskHandler<RegisterFoundingTask>()
            .AddServiceTaskHandler<FoundingModeTask>()
            .AddServiceTaskHandler<FoundTask>()
            .AddServiceTaskHandler<FoundingRefusedTask>()
            .AddServiceTaskHandler<PlanRenewalTask>()
            .AddServiceTaskHandler<EarlyRenewalTask>()
            .AddServiceTaskHandler<NominationNoticeTask>()
            .AddServiceTaskHandler<CongressTask>()
            .AddServiceTaskHandler<FileRenewalTask>()
            .AddServiceTaskHandler<StartTermTask>();
    }
}
