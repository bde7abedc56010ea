namespace Linkage.Fuzz.Tests.Document;

/// <summary>The checks the runner adds for issue 25 refuse what the document does not describe.</summary>
public sealed class ProblemSchemaTests
{
    private const string Problem = """{"type":"urn:x","title":"Conflict","status":409,"detail":"d","instance":"/i","traceId":"t","code":"Conflict"}""";

    [Test]
    public void A_problem_the_document_describes_matches()
    {
        Assert.That(ProblemSchema.Mismatches(Problem), Is.Empty);
        Assert.That(ProblemSchema.Mismatches(Problem.Replace("}", ""","existingId":"0196c0de-0000-7000-8000-000000000001"}""")), Is.Empty);
    }

    [TestCase(""","stack":"at Linkage.Api"}""", TestName = "A member the document does not describe is a mismatch")]
    [TestCase(""","existingId":42}""", TestName = "A member of the wrong type is a mismatch")]
    public void A_problem_with_more_than_the_document_says_does_not_match(string extra) =>
        Assert.That(ProblemSchema.Mismatches(Problem.Replace("}", extra)), Is.Not.Empty);

    [Test]
    public void A_code_outside_the_catalog_or_a_missing_member_does_not_match()
    {
        Assert.That(ProblemSchema.Mismatches(Problem.Replace("\"Conflict\"}", "\"Oops\"}")), Is.Not.Empty);
        Assert.That(ProblemSchema.Mismatches(Problem.Replace("\"traceId\":\"t\",", string.Empty)), Is.Not.Empty);
    }

    [Test]
    public void An_operation_declares_its_statuses_and_no_others()
    {
        var create = ServedDocument.Operations.Single(o => o.OperationId == "Contacts_CreateContact");

        Assert.That(create.Declares(201) && create.Declares(409) && create.Declares(400), Is.True);
        Assert.That(create.Declares(200) || create.Declares(418), Is.False);
    }
}
