using KxHome.Workflows.Association;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Representatives;

/// <summary>The tables of the calls for 科协代表之家, the homes applied for, their representatives, scores and assessments.</summary>
public static class RepresentativesModel
{
    public static void ConfigureRepresentatives(this ModelBuilder builder)
    {
        builder.Entity<Call>(e =>
        {
            e.ToTable("Calls");
            e.Property(c => c.Status).HasConversion<string>();
            e.HasIndex(c => new { c.OrganisationId, c.Year }).IsUnique(); // one call a year
            e.HasIndex(c => c.CaseId).IsUnique();
        });
        builder.Entity<RepresentativeHome>(e =>
        {
            e.ToTable("RepresentativeHomes");
            e.Property(h => h.Status).HasConversion<string>();
            e.Property(h => h.Score).HasConversion<double?>();
            e.Property(h => h.ActivityScore).HasConversion<double?>();
            e.HasIndex(h => h.CallId);
            e.HasIndex(h => h.OrganisationId);
            e.HasIndex(h => h.CaseId).IsUnique();
        });
        builder.Entity<Representative>(e =>
        {
            e.ToTable("Representatives");
            e.HasIndex(r => new { r.HomeId, r.Order });
        });
        builder.Entity<ExpertScore>(e =>
        {
            e.ToTable("ExpertScores");
            e.HasIndex(s => new { s.HomeId, s.ExpertId }).IsUnique();
        });
        builder.Entity<RepresentativeAssessment>(e =>
        {
            e.ToTable("RepresentativeAssessments");
            e.HasIndex(a => new { a.HomeId, a.DesignationYear }).IsUnique(); // one assessment a designation year
        });
    }
}
