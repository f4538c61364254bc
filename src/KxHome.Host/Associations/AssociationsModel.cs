using KxHome.Workflows.Association;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Associations;

/// <summary>The tables of the cultivation paths, the park and enterprise associations, their terms, officers and nominations.</summary>
public static class AssociationsModel
{
    public static void ConfigureAssociations(this ModelBuilder builder)
    {
        builder.Entity<CultivationPath>(e =>
        {
            e.ToTable("CultivationPaths");
            e.Property(p => p.Stage).HasConversion<string>();
            e.HasIndex(p => p.HomeId);
            e.HasIndex(p => p.CaseId).IsUnique();
            e.HasIndex(p => p.OrganisationId);
        });
        builder.Entity<CultivationGuidance>(e =>
        {
            e.ToTable("CultivationGuidance");
            e.HasIndex(g => new { g.PathId, g.GuidedOn });
            e.HasIndex(g => g.JobId).IsUnique().HasFilter("JobId IS NOT NULL");
        });
        builder.Entity<CultivationVerification>(e =>
        {
            e.ToTable("CultivationVerifications");
            e.HasIndex(v => new { v.PathId, v.Year }).IsUnique(); // one verification a year
        });
        builder.Entity<ParkAssociation>(e =>
        {
            e.ToTable("Associations");
            e.Property(a => a.Kind).HasConversion<string>();
            e.Property(a => a.Status).HasConversion<string>();
            e.Property(a => a.Ownership).HasConversion<string>();
            e.Property(a => a.FoundedBy).HasConversion<string>();
            e.HasIndex(a => a.OrganisationId);
            e.HasIndex(a => a.FoundingCaseId).IsUnique();
        });
        builder.Entity<AssociationTerm>(e =>
        {
            e.ToTable("AssociationTerms");
            e.HasIndex(t => new { t.AssociationId, t.Number }).IsUnique();
            e.HasIndex(t => t.FiledWith);
        });
        builder.Entity<AssociationOfficer>(e =>
        {
            e.ToTable("AssociationOfficers");
            e.Property(o => o.Role).HasConversion<string>();
            e.HasIndex(o => new { o.TermId, o.Order });
        });
        builder.Entity<YearEndFigures>(e =>
        {
            e.ToTable("YearEndFigures");
            e.HasKey(f => new { f.OrganisationId, f.Year });
        });
        builder.Entity<Nomination>(e =>
        {
            e.ToTable("Nominations");
            e.Property(n => n.Kind).HasConversion<string>();
            e.HasIndex(n => new { n.CaseId, n.At });
        });
    }
}
