package org.symptomgraph.queries;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * A value a canned query takes. Declared the way grlc (and BASIL before it) reads query variables:
 * {@code ?_name} is a required string, {@code ?__name} an optional one, and a suffix gives another
 * type: {@code ?_name_iri}, {@code ?_name_integer}. A default makes a parameter optional.
 *
 * @param name         what the user calls it ({@code symptom} for {@code ?_symptom})
 * @param type         the kind of RDF term a value becomes
 * @param required     whether a query without a value for it cannot run
 * @param defaultValue the value used when none is given
 * @param variable     the SPARQL variable's name, without the {@code ?}
 */
public record Parameter(String name, Type type, boolean required, Optional<String> defaultValue, String variable) {

    /** The kinds of value, each turned into one RDF term. */
    public enum Type {
        /** A plain {@code xsd:string} literal. */
        STRING,
        /** An absolute IRI. */
        IRI,
        /** An {@code xsd:integer} literal. */
        INTEGER;

        /** For messages and listings: "string", "iri", "integer". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The RDF term for a value. Values become terms, never query text, so nothing in a value
         * can change what the query does; a string loses white space at either end. Throws
         * IllegalArgumentException for a value of the wrong form.
         */
        public Node toNode(String value) {
            return switch (this) {
                // White space at either end is never part of a name: " Petechiae" finds Petechiae.
                case STRING -> NodeFactory.createLiteralString(value.strip());
                case INTEGER -> NodeFactory.createLiteralDT(integer(value).toString(), XSDDatatype.XSDinteger);
                case IRI -> NodeFactory.createURI(absoluteIri(value));
            };
        }

        private static BigInteger integer(String value) {
            try {
                return new BigInteger(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not an integer");
            }
        }

        /** The value, checked to be an absolute IRI (a fragment is fine). */
        static String absoluteIri(String value) {
            IRIx iri;
            try {
                iri = IRIx.create(value);
            } catch (IRIException e) {
                throw new IllegalArgumentException("'" + value + "' is not a valid IRI: " + e.getMessage());
            }
            // A reference has a scheme (a fragment is fine); anything else would be resolved against some base.
            if (!iri.isReference()) {
                throw new IllegalArgumentException("'" + value + "' is not an absolute IRI");
            }
            return iri.str();
        }
    }

    /** grlc's pattern: one or two underscores, a name without underscores, then an optional type suffix. */
    private static final Pattern DECLARATION = Pattern.compile("(_{1,2})([^_]+)(?:_(.*))?");

    public Parameter {
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("parameter '" + name + "' has a default, so it is not required");
        }
        defaultValue.ifPresent(type::toNode);
    }

    /**
     * The parameter a query variable declares, if it is one; {@code defaults} maps parameter names
     * to default values. Throws IllegalArgumentException for a type suffix grlc would read
     * differently from us (a language tag, another datatype), or a default of the wrong form.
     */
    static Optional<Parameter> declaredBy(String variable, Map<String, String> defaults) {
        Matcher m = DECLARATION.matcher(variable);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(2);
        Type type = typeOf(variable, m.group(3));
        Optional<String> defaultValue = Optional.ofNullable(defaults.get(name));
        try {
            return Optional.of(new Parameter(name, type, m.group(1).length() == 1 && defaultValue.isEmpty(),
                    defaultValue, variable));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the default of parameter '" + name + "': " + e.getMessage());
        }
    }

    private static Type typeOf(String variable, String suffix) {
        if (suffix == null) {
            return Type.STRING;
        }
        return switch (suffix) {
            case "iri" -> Type.IRI;
            case "integer" -> Type.INTEGER;
            default -> throw new IllegalArgumentException("?" + variable + ": unsupported parameter type '" + suffix
                    + "' (use ?_name for a string, ?_name_iri or ?_name_integer)");
        };
    }
}
