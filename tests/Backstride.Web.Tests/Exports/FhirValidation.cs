using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

[assembly: AssemblyFixture(typeof(Backstride.Web.Tests.Exports.FhirValidation))]

namespace Backstride.Web.Tests.Exports;

/// <summary>
/// One Firely validator over the R4 core specification (specification.zip, copied beside the tests), shared by every
/// test: it compiles each profile once, which is slow the first time. The validator is not thread-safe, so calls take turns.
/// </summary>
public sealed class FhirValidation
{
    private readonly Lock _turn = new();

    private readonly Lazy<Validator> _validator = new(() =>
    {
        var specification = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(specification, new LocalTerminologyService(specification));
    });

    public OperationOutcome Validate(Resource resource)
    {
        lock (_turn)
        {
            return _validator.Value.Validate(resource);
        }
    }
}
