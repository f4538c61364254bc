using KxHome.Workflows.Association;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Homes;

/// <summary>The tables of homes and what they act on (ledgers, assessments, funding, settings), in the host's database.</summary>
public static class HomesModel
{
    public static void ConfigureHomes(this ModelBuilder builder)
    {
        builder.Entity<Home>(e =>
        {
            e.ToTable("Homes");
            e.Property(h => h.Kind).HasConversion<string>();
            e.Property(h => h.Status).HasConversion<string>();
            e.Property(h => h.RuleSet).HasConversion<string>();
            e.OwnsOne(h => h.SixHaves, six => six.ToTable("Homes"));
            e.HasIndex(h => h.OrganisationId);
            e.HasIndex(h => new { h.Status, h.Name }); // lists are ordered so; a page reads its rows in order, no sort
            e.HasIndex(h => h.CertificationCaseId);
            e.HasIndex(h => h.PlaqueNumber).IsUnique().HasFilter("PlaqueNumber IS NOT NULL");
        });
        builder.Entity<HomeStatusChange>(e =>
        {
            e.ToTable("HomeStatusChanges");
            e.Property(c => c.From).HasConversion<string>();
            e.Property(c => c.To).HasConversion<string>();
            e.HasIndex(c => new { c.HomeId, c.At });
        });
        builder.Entity<HomePairing>(e =>
        {
            e.ToTable("HomePairings");
            e.HasKey(p => new { p.StreetHomeId, p.PairedHomeId });
        });
        builder.Entity<ServiceEvent>(e =>
        {
            e.ToTable("ServiceEvents");
            e.Property(s => s.Category).HasConversion<string>();
            e.Property(s => s.Part).HasConversion<string>();
            // Covers the figures' read (FiguresReader): a home's year of events is one contiguous range of the index.
            e.HasIndex(s => new { s.HomeId, s.HeldOn, s.Category, s.Participants, s.EnterprisesServed, s.PairedHomeId, s.NewsReportedAt })
                .HasDatabaseName("IX_ServiceEvents_Figures");
        });
        builder.Entity<Demand>(e =>
        {
            e.ToTable("Demands");
            e.HasIndex(d => new { d.HomeId, d.RaisedOn });
        });
        builder.Entity<MonthlyReport>(e =>
        {
            e.ToTable("MonthlyReports");
            e.HasIndex(r => new { r.HomeId, r.Year, r.Month }).IsUnique();
        });
        builder.Entity<Assessment>(e =>
        {
            e.ToTable("Assessments");
            e.Property(a => a.Status).HasConversion<string>();
            e.Property(a => a.Grade).HasConversion<string>();
            e.HasIndex(a => new { a.HomeId, a.Year }).IsUnique();
            e.HasIndex(a => new { a.Year, a.Status });
            e.HasIndex(a => a.CaseId);
        });
        builder.Entity<FundingEntry>(e =>
        {
            e.ToTable("FundingEntries");
            e.Property(f => f.Kind).HasConversion<string>();
            e.HasIndex(f => new { f.HomeId, f.Kind, f.Year });
            e.HasIndex(f => f.JobId).IsUnique().HasFilter("JobId IS NOT NULL");
            // R16: one construction grant per home; R17: one award per home and year.
            e.HasIndex(f => f.HomeId).IsUnique().HasFilter("Kind = 'ConstructionGrant'").HasDatabaseName("IX_FundingEntries_OneGrant");
            e.HasIndex(f => new { f.HomeId, f.Year }).IsUnique().HasFilter("Kind = 'ExcellenceAward'").HasDatabaseName("IX_FundingEntries_OneAwardAYear");
        });
        builder.Entity<CultivationListing>(e =>
        {
            e.ToTable("CultivationList");
            e.HasKey(c => c.HomeId);
            e.HasIndex(c => c.Year);
        });
        builder.Entity<PolicySetting>(e =>
        {
            e.ToTable("PolicySettings");
            e.Property(p => p.RuleSet).HasConversion<string>();
            e.HasKey(p => new { p.RuleSet, p.Year, p.Key });
        });
    }
}
