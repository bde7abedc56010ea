using System.Reflection;

namespace Linkage.Application.Common.Resources;

/// <summary>
/// The projection of a resource view, by name: each parameter of the view's constructor takes the aggregate's
/// property of the same name, and so does each bookkeeping property of <see cref="ResourceView"/>. EF Core
/// translates it into one SELECT of exactly those columns (ADR 0005); a view whose constructor names something
/// the aggregate lacks fails when its type is first used, in every test that reads it.
/// </summary>
public static class ViewProjection<TAggregate, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView
{
    private static readonly string[] Bookkeeping =
    [
        nameof(ResourceView.Id), nameof(ResourceView.CreatedUtc), nameof(ResourceView.UpdatedUtc), nameof(ResourceView.DeletedUtc),
        nameof(ResourceView.Version), nameof(ResourceView.ChangeType), nameof(ResourceView.ChangeOrigin),
    ];

    // After Bookkeeping: static initializers run in the order they are written. Built on first use only, so a view
    // that declares its own projection (With) never has one built by name.
    public static Expression<Func<TAggregate, TView>> ByName => LazyByName.Value;

    private static readonly Lazy<Expression<Func<TAggregate, TView>>> LazyByName = new(Build);

    /// <summary>
    /// The projection of a view whose own fields are not named as the aggregate's properties: <paramref name="ownFields"/>
    /// (a constructor call), with the bookkeeping read by name as in <see cref="ByName"/>.
    /// </summary>
    public static Expression<Func<TAggregate, TView>> With(Expression<Func<TAggregate, TView>> ownFields) =>
        ownFields.Body is NewExpression construct
            ? WithBookkeeping(construct, ownFields.Parameters[0])
            : throw new ArgumentException("The projection of a view's own fields is a constructor call.", nameof(ownFields));

    private static Expression<Func<TAggregate, TView>> Build()
    {
        var aggregate = Expression.Parameter(typeof(TAggregate), "a");
        var constructor = typeof(TView).GetConstructors().Single();
        var construct = Expression.New(constructor, constructor.GetParameters().Select(p => Read(aggregate, p.Name!, p.ParameterType)));
        return WithBookkeeping(construct, aggregate);
    }

    private static Expression<Func<TAggregate, TView>> WithBookkeeping(NewExpression construct, ParameterExpression aggregate)
    {
        var bookkeeping = Bookkeeping.Select(name =>
        {
            var property = typeof(TView).GetProperty(name)!;
            return (MemberBinding)Expression.Bind(property, Read(aggregate, name, property.PropertyType));
        });
        return Expression.Lambda<Func<TAggregate, TView>>(Expression.MemberInit(construct, bookkeeping), aggregate);
    }

    private static Expression Read(ParameterExpression aggregate, string name, Type type)
    {
        var property = typeof(TAggregate).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(TView).Name}.{name} has no property of that name on {typeof(TAggregate).Name} to read from.");
        Expression value = Expression.Property(aggregate, property);
        return property.PropertyType == type ? value : Expression.Convert(value, type);
    }
}
