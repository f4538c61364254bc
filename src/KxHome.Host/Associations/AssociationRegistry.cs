using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KxHome.Host.Associations;

/// <summary>
/// The park and enterprise associations as their flows change them: the founding application (R19), the founding
/// with its first term, each 换届's results and filing (R20–R24), and the 换届 case every term waits in.
/// </summary>
public sealed class AssociationRegistry(AppDbContext db, WorkflowEngine engine, TimeProvider clock, IOptions<WorkflowOptions> options)
{
    public const string RenewalKey = "term-renewal";

    /// <summary>What a founding application says about the association to be.</summary>
    public sealed record Draft(
        string Name, AssociationKind Kind, Ownership Ownership, int UnitMembers, int IndividualMembers, int Employees, int ScienceStaff,
        string PartyCommittee)
    {
        public string Address { get; init; } = "";
        public string SecretariatUnit { get; init; } = "";
        public string LegalRepresentative { get; init; } = "";
        public string LegalRepresentativeTitle { get; init; } = "";
        public string LegalRepresentativePhone { get; init; } = "";
    }

    public DateOnly Today => BusinessDates.Today(clock.GetUtcNow().UtcDateTime, options.Value.TimeZone);

    public Task<ParkAssociation?> FindAsync(Guid id) => db.Associations.FirstOrDefaultAsync(a => a.Id == id);

    public Task<ParkAssociation?> OfFoundingCaseAsync(Guid caseId) => db.Associations.FirstOrDefaultAsync(a => a.FoundingCaseId == caseId);

    public Task<AssociationTerm?> TermAsync(Guid associationId, int number) =>
        db.AssociationTerms.FirstOrDefaultAsync(t => t.AssociationId == associationId && t.Number == number);

    public Task<AssociationTerm?> CurrentTermAsync(Guid associationId) =>
        db.AssociationTerms.Where(t => t.AssociationId == associationId).OrderByDescending(t => t.Number).FirstOrDefaultAsync();

    /// <summary>
    /// Why the organisation cannot set out to found an association (R19), or null: it has one (or one being founded),
    /// or a founding or cultivation case of it is under way. One organisation founds one association.
    /// </summary>
    public async Task<string?> FoundingProblemAsync(string? organisationId)
    {
        if (await HeldProblemAsync(organisationId, null) is { } held) return held;
        if (organisationId is null) return null;
        var running = await engine.Queries.QueryInstancesAsync(new InstanceQuery { Owners = [organisationId], Status = InstanceStatus.Active, Take = 200 });
        var other = running.FirstOrDefault(i => i.DefinitionKey is FoundingStart.Key or CultivationStart.Key);
        return other is null ? null : $"本单位已有进行中的{(other.DefinitionKey == FoundingStart.Key ? "科协成立" : "培育升级")}案件 {other.Number}，一个单位只成立一个科协";
    }

    /// <summary>Why the organisation cannot have another association, or null: it has one, or one being founded by another case.</summary>
    public async Task<string?> HeldProblemAsync(string? organisationId, Guid? foundingCaseId)
    {
        var held = await db.Associations.AsNoTracking().FirstOrDefaultAsync(a => a.OrganisationId == organisationId
            && (a.Status == AssociationStatus.Active || a.Status == AssociationStatus.Founding) && a.FoundingCaseId != foundingCaseId);
        return held is null ? null : $"本单位已有“{held.Name}”（{Names.Of(held.Status)}），不能重复申请成立";
    }

    /// <summary>Records (or, on a resubmission, updates) the association a founding case applies for.</summary>
    public async Task<ParkAssociation> DraftAsync(Guid caseId, Guid? id, string organisationId, Guid? homeId, Draft draft)
    {
        var association = await OfFoundingCaseAsync(caseId);
        if (association is null)
        {
            association = new ParkAssociation
            {
                Id = id ?? Guid.CreateVersion7(), OrganisationId = organisationId, HomeId = homeId, FoundingCaseId = caseId,
                Status = AssociationStatus.Founding, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Associations.Add(association);
        }
        association.Name = draft.Name;
        association.Kind = draft.Kind;
        association.Ownership = draft.Ownership;
        association.UnitMembers = draft.UnitMembers;
        association.IndividualMembers = draft.IndividualMembers;
        association.Employees = draft.Employees;
        association.ScienceStaff = draft.ScienceStaff;
        association.PartyCommittee = draft.PartyCommittee;
        association.Address = draft.Address;
        association.SecretariatUnit = draft.SecretariatUnit;
        association.LegalRepresentative = draft.LegalRepresentative;
        association.LegalRepresentativeTitle = draft.LegalRepresentativeTitle;
        association.LegalRepresentativePhone = draft.LegalRepresentativePhone;
        await db.SaveChangesAsync();
        return association;
    }

    public async Task ConsentedAsync(ParkAssociation association)
    {
        association.PartyConsentOn ??= Today;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Founds the association (R19) with its first term and officers, then starts the 换届 case that waits for the
    /// term's end; a second call changes nothing.
    /// </summary>
    public async Task<AssociationTerm> FoundAsync(ParkAssociation association, FoundingMode mode, string? approvalNumber, DateOnly? approvedOn,
        int years, string? lengthReason, IReadOnlyList<OfficerList.Entry> officers)
    {
        if (association.Status != AssociationStatus.Active)
        {
            association.Status = AssociationStatus.Active;
            association.FoundedBy = mode;
            association.ApprovalNumber = approvalNumber;
            association.ApprovedOn = approvedOn;
            association.FoundedOn = Today;
        }
        var term = await TermAsync(association.Id, 1) ?? await AddTermAsync(association, 1, Today, years, lengthReason, null, association.FoundingCaseId, officers);
        if (mode == FoundingMode.Filing) await FileAsync(association, term); // 备案制: the founding is what the local association receives
        await WatchAsync(association, term);
        return term;
    }

    public async Task RefusedAsync(ParkAssociation association)
    {
        association.Status = AssociationStatus.Refused;
        await db.SaveChangesAsync();
    }

    /// <summary>What a congress decided (R24), kept on the term it elected.</summary>
    public sealed record Congress(
        DateOnly On, bool ReportAdopted, bool CharterAdopted, string CommitteeMembers, int Years, string? LengthReason,
        string? TimingReason, IReadOnlyList<OfficerList.Entry> Officers);

    /// <summary>The next term, elected by a 换届's congress (R24), with its officers; a second call changes nothing.</summary>
    public async Task<AssociationTerm> ElectAsync(ParkAssociation association, int endingNumber, Guid caseId, Congress congress)
    {
        if (await TermAsync(association.Id, endingNumber + 1) is { } elected) return elected;
        var term = await AddTermAsync(association, endingNumber + 1, congress.On, congress.Years, congress.LengthReason, congress.TimingReason, caseId, congress.Officers);
        term.CongressOn = congress.On;
        term.ReportAdopted = congress.ReportAdopted;
        term.CharterAdopted = congress.CharterAdopted;
        term.CommitteeMembers = congress.CommitteeMembers;
        await db.SaveChangesAsync();
        return term;
    }

    /// <summary>Files a term's result with the higher association (R20): the nearest district or city above the host.</summary>
    public async Task FileAsync(ParkAssociation association, AssociationTerm term)
    {
        if (term.FiledOn is not null) return;
        term.FiledWith = await HigherAssociationAsync(association.OrganisationId);
        term.FiledOn = Today;
        await db.SaveChangesAsync();
    }

    /// <summary>The local association above an organisation: the nearest district or city, else its parent.</summary>
    public async Task<string?> HigherAssociationAsync(string organisationId)
    {
        var all = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var parent = all.GetValueOrDefault(organisationId)?.ParentId;
        for (var id = parent; id is not null && all.TryGetValue(id, out var organisation); id = organisation.ParentId)
        {
            if (organisation.Kind is OrganisationKind.District or OrganisationKind.City) return id;
        }
        return parent;
    }

    /// <summary>Starts the 换届 case that waits for the term's end (its own renewal timer), once per term.</summary>
    public async Task WatchAsync(ParkAssociation association, AssociationTerm term)
    {
        if (term.RenewalCaseId is not null) return;
        var key = AssociationKeys.Renewal(association.Id, term.Number);
        var existing = (await engine.Queries.QueryInstancesAsync(new InstanceQuery { BusinessKey = key, Take = 1 })).FirstOrDefault();
        term.RenewalCaseId = existing?.Id ?? (await engine.StartAsync(new StartRequest(RenewalKey)
        {
            BusinessKey = key, Owner = association.OrganisationId,
            Variables = new Dictionary<string, object?>
            {
                ["associationId"] = association.Id.ToString(), ["associationName"] = association.Name, ["termNumber"] = term.Number,
                ["termEndsOn"] = term.EndsOn.ToString("yyyy-MM-dd"),
            },
        })).Id;
        await db.SaveChangesAsync();
    }

    /// <summary>Keeps a nomination while the 换届 collects them, or says why not (R23).</summary>
    public async Task<string?> NominateAsync(ParkAssociation association, Guid caseId, NominationKind kind, string name, string unit, string reason, string by)
    {
        var instance = await engine.Queries.GetInstanceAsync(caseId);
        if (instance.Status != InstanceStatus.Active || !instance.ActiveElements.Any(a => a.ElementId == "nominationsClose")
            || !DateTime.TryParse(VariableValues.Text(instance.Variables, "nominationsCloseAt"), null, System.Globalization.DateTimeStyles.AdjustToUniversal, out var closesAt))
        {
            return "本次换届现在不在推荐征集期内（R23）";
        }
        if (clock.GetUtcNow().UtcDateTime >= closesAt)
        {
            return $"推荐征集已于 {BusinessDates.Format(BusinessDates.Today(closesAt.AddSeconds(-1), options.Value.TimeZone))} 24 时截止（R23）";
        }
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 20) return "被推荐人姓名为必填项，最多 20 个字";
        if (unit.Trim().Length > 60 || reason.Trim().Length > 500) return "单位最多 60 个字，推荐理由最多 500 个字";
        db.Nominations.Add(new Nomination
        {
            Id = Guid.CreateVersion7(), AssociationId = association.Id, CaseId = caseId, Kind = kind, Name = name.Trim(), Unit = unit.Trim(),
            Reason = reason.Trim(), NominatedBy = by, At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        return null;
    }

    private async Task<AssociationTerm> AddTermAsync(ParkAssociation association, int number, DateOnly startsOn, int years, string? lengthReason,
        string? timingReason, Guid caseId, IReadOnlyList<OfficerList.Entry> officers)
    {
        var term = new AssociationTerm
        {
            Id = Guid.CreateVersion7(), AssociationId = association.Id, Number = number, StartsOn = startsOn, Years = years,
            EndsOn = TermRules.EndsOn(startsOn, years), LengthReason = string.IsNullOrWhiteSpace(lengthReason) ? null : lengthReason.Trim(),
            TimingReason = string.IsNullOrWhiteSpace(timingReason) ? null : timingReason.Trim(), ElectedByCaseId = caseId,
        };
        db.AssociationTerms.Add(term);
        db.AssociationOfficers.AddRange(officers.Select((o, i) => new AssociationOfficer
        {
            Id = Guid.CreateVersion7(), TermId = term.Id, Role = o.Role, Order = i, Name = o.Name, Title = o.Title, Phone = o.Phone,
        }));
        await db.SaveChangesAsync();
        return term;
    }
}
