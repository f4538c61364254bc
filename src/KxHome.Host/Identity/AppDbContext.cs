using KxHome.Host.Cases;
using KxHome.Host.Associations;
using KxHome.Host.Representatives;
using KxHome.Host.Homes;
using KxHome.Workflows.Association;
using KxHome.Host.Mail;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Identity;

/// <summary>
/// People and organisations, and what the host keeps beside the engine's cases (attachments, drafts, copies, sent
/// mail, used email links), in the same database as the engine; its migrations keep their own history table so
/// they never mix with the engine's. On PostgreSQL it is a <see cref="PostgresAppDbContext"/>, with migrations of its own.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }

    protected AppDbContext(DbContextOptions options) : base(options) { }

    public const string HistoryTable = "__AppMigrationsHistory";

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<SentMail> SentMails => Set<SentMail>();
    public DbSet<UsedLink> UsedLinks => Set<UsedLink>();
    public DbSet<Association.LedgerEntry> Ledger => Set<Association.LedgerEntry>();
    public DbSet<Studio.FlowDraft> FlowDrafts => Set<Studio.FlowDraft>();
    public DbSet<Home> Homes => Set<Home>();
    public DbSet<HomeStatusChange> HomeStatusChanges => Set<HomeStatusChange>();
    public DbSet<HomePairing> HomePairings => Set<HomePairing>();
    public DbSet<ServiceEvent> ServiceEvents => Set<ServiceEvent>();
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<MonthlyReport> MonthlyReports => Set<MonthlyReport>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<FundingEntry> FundingEntries => Set<FundingEntry>();
    public DbSet<CultivationListing> CultivationList => Set<CultivationListing>();
    public DbSet<PolicySetting> PolicySettings => Set<PolicySetting>();
    public DbSet<CultivationPath> CultivationPaths => Set<CultivationPath>();
    public DbSet<CultivationGuidance> CultivationGuidance => Set<CultivationGuidance>();
    public DbSet<CultivationVerification> CultivationVerifications => Set<CultivationVerification>();
    public DbSet<ParkAssociation> Associations => Set<ParkAssociation>();
    public DbSet<AssociationTerm> AssociationTerms => Set<AssociationTerm>();
    public DbSet<AssociationOfficer> AssociationOfficers => Set<AssociationOfficer>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<YearEndFigures> YearEndFigures => Set<YearEndFigures>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<RepresentativeHome> RepresentativeHomes => Set<RepresentativeHome>();
    public DbSet<Representative> Representatives => Set<Representative>();
    public DbSet<ExpertScore> ExpertScores => Set<ExpertScore>();
    public DbSet<RepresentativeAssessment> RepresentativeAssessments => Set<RepresentativeAssessment>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Organisation>(e =>
        {
            e.ToTable("Organisations");
            e.Property(o => o.Kind).HasConversion<string>();
            e.Property(o => o.RuleSet).HasConversion<string>();
            e.HasIndex(o => o.ParentId);
        });
        builder.Entity<AppUser>().HasIndex(u => u.OrganisationId);
        builder.Entity<Attachment>(e =>
        {
            e.ToTable("Attachments");
            e.HasIndex(a => a.InstanceId);
        });
        builder.Entity<Draft>(e =>
        {
            e.ToTable("Drafts");
            e.HasKey(d => d.TaskId);
        });
        builder.Entity<SentMail>(e =>
        {
            e.ToTable("SentMails");
            e.HasIndex(m => new { m.NoticeId, m.Recipient }).IsUnique();
        });
        builder.Entity<UsedLink>(e =>
        {
            e.ToTable("UsedLinks");
            e.HasKey(l => l.LinkId);
        });
        builder.Entity<Studio.FlowDraft>(e =>
        {
            e.ToTable("FlowDrafts");
            e.HasKey(d => d.Key);
        });
        builder.Entity<Association.LedgerEntry>(e =>
        {
            e.ToTable("Ledger");
            e.Property(l => l.Kind).HasConversion<string>();
            e.HasIndex(l => l.JobId).IsUnique();
            e.HasIndex(l => l.InstanceId);
            e.HasIndex(l => new { l.Owner, l.Kind });
        });
        builder.ConfigureHomes();
        builder.ConfigureAssociations();
        builder.ConfigureRepresentatives();
    }
}
