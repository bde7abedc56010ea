using System.Net;

namespace Linkage.Api.Tests.Notes;

/// <summary>Whose notes a caller reaches: the route's subject, the caller's tenant, and the subject's domain rights.</summary>
public sealed class NoteScopeAndRightsTests : NoteApiTestBase
{
    [Test]
    public async Task A_note_of_another_contact_answers_404_on_get_and_patch_whatever_the_If_Match()
    {
        var owner = await NewContactAsync();
        var stranger = await NewContactAsync();
        var note = await CreateNoteAsync(owner);
        var foreignUrl = $"{stranger}/notes/{note["id"]}";

        await AssertProblemAsync(await Client().GetAsync(foreignUrl), 404, "NotFound");
        foreach (var ifMatch in new[] { "\"1\"", "\"7\"", "*" })
        {
            await AssertProblemAsync(await PatchNoteAsync(foreignUrl, """{"action":"archive"}""", ifMatch), 404, "NotFound");
            await AssertProblemAsync(await PatchNoteAsync(foreignUrl, """{"action":"supersede","supersede":{"message":"x"}}""", ifMatch), 404, "NotFound");
        }

        Assert.That(await ListNoteIdsAsync(stranger, "?includeArchived=true&includeSuperseded=true"), Is.Empty);
        var stored = await StoredNotesOfAsync(SubjectIdOf(owner));
        Assert.That(stored.Select(n => (n.Version, n.IsArchived)), Is.EqualTo(new[] { (1, false) }));
    }

    [Test]
    public async Task The_same_note_id_under_companies_answers_404()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var asCompany = $"{Companies}/{SubjectIdOf(contactUrl)}/notes/{note["id"]}";

        await AssertProblemAsync(await Client().GetAsync(asCompany), 404, "NotFound");
        await AssertProblemAsync(await Client().GetAsync($"{Companies}/{SubjectIdOf(contactUrl)}/notes"), 404, "NotFound");
        await AssertProblemAsync(await PatchNoteAsync(asCompany, """{"action":"archive"}"""), 404, "NotFound");
        await AssertProblemAsync(await PostNoteAsync(Client(), $"{Companies}/{SubjectIdOf(contactUrl)}", """{"message":"x"}"""), 404, "NotFound");

        var company = await NewCompanyAsync();
        await AssertProblemAsync(await Client().GetAsync($"{company}/notes/{note["id"]}"), 404, "NotFound");
        await AssertProblemAsync(await PatchNoteAsync($"{company}/notes/{note["id"]}", """{"action":"archive"}"""), 404, "NotFound");
        Assert.That((await StoredNoteAsync(IdOf(note))).Version, Is.EqualTo(1));
    }

    [Test]
    public async Task An_unknown_note_id_answers_404()
    {
        var contactUrl = await NewContactAsync();
        var unknown = $"{contactUrl}/notes/{Guid.CreateVersion7()}";
        await AssertProblemAsync(await Client().GetAsync(unknown), 404, "NotFound");
        await AssertProblemAsync(await PatchNoteAsync(unknown, """{"action":"archive"}"""), 404, "NotFound");
        await AssertProblemAsync(await Client().GetAsync($"{contactUrl}/notes/not-a-guid"), 404, "NotFound");
    }

    [Test]
    public async Task Another_tenants_notes_answer_404_and_stay_unchanged()
    {
        var contactUrl = await NewContactAsync(TenantA);
        var note = await CreateNoteAsync(contactUrl, "tenant A secret");
        var tenantB = Client(TenantB);

        await AssertProblemAsync(await tenantB.GetAsync(NoteUrl(contactUrl, note)), 404, "NotFound");
        await AssertProblemAsync(await tenantB.GetAsync($"{contactUrl}/notes"), 404, "NotFound");
        await AssertProblemAsync(await PostNoteAsync(tenantB, contactUrl, """{"message":"intrusion"}"""), 404, "NotFound");
        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""", "*", tenantB), 404, "NotFound");
        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"supersede","supersede":{"message":"x"}}""", "\"1\"", tenantB), 404, "NotFound");

        var stored = await StoredNotesOfAsync(SubjectIdOf(contactUrl));
        Assert.That(stored.Select(n => (n.Message, n.Version)), Is.EqualTo(new[] { ("tenant A secret", 1) }));
        await using var db = Factory.OpenDb(TenantB);
        Assert.That(db.Notes.Count(), Is.Zero);
    }

    [Test]
    public async Task Writing_a_note_needs_Edit_on_the_subjects_domain()
    {
        var contactUrl = await NewContactAsync();
        var companyUrl = await NewCompanyAsync();
        var contactNote = await CreateNoteAsync(contactUrl);
        var companyNote = await CreateNoteAsync(companyUrl);
        var reader = Client(permissions: ["Contact:Read", "Company:Read"]);
        var wrongDomain = Client(permissions: ["Company:Edit", "Contact:Read"]);

        var forbidden = await AssertProblemAsync(await PostNoteAsync(reader, contactUrl, """{"message":"x"}"""), 403, "Forbidden");
        Assert.That(forbidden["detail"]!.GetValue<string>(), Does.Contain("Contact:Edit"));
        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, contactNote), """{"action":"archive"}""", client: reader), 403, "Forbidden");
        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, contactNote), """{"action":"supersede","supersede":{"message":"x"}}""", client: wrongDomain), 403, "Forbidden");
        var company = await AssertProblemAsync(await PatchNoteAsync(NoteUrl(companyUrl, companyNote), """{"action":"archive"}""", client: reader), 403, "Forbidden");
        Assert.That(company["detail"]!.GetValue<string>(), Does.Contain("Company:Edit"));

        var allowed = await PatchNoteAsync(NoteUrl(companyUrl, companyNote), """{"action":"archive"}""", client: wrongDomain);
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await StoredNoteAsync(IdOf(contactNote))).Version, Is.EqualTo(1));
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Reading_notes_needs_Read_on_the_subjects_domain()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var companiesOnly = Client(permissions: ["Company:*"]);
        var contactReader = Client(permissions: ["Contact:Read"]);

        var forbidden = await AssertProblemAsync(await companiesOnly.GetAsync($"{contactUrl}/notes"), 403, "Forbidden");
        Assert.That(forbidden["detail"]!.GetValue<string>(), Does.Contain("Contact:Read"));
        await AssertProblemAsync(await companiesOnly.GetAsync(NoteUrl(contactUrl, note)), 403, "Forbidden");
        Assert.That((await contactReader.GetAsync($"{contactUrl}/notes")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await contactReader.GetAsync(NoteUrl(contactUrl, note))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
