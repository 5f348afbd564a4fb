package org.symptomgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.symptomgraph.importer.DocumentParser;

public class Main {
    public static void main(String[] a) throws Exception {
        var r = new DocumentParser().parse(Path.of(a[0]).getFileName().toString(), Files.readAllBytes(Path.of(a[0])));
        System.out.println(r.document().symptom() + " | " + r.document().date() + "\nmech: " + r.document().mechanism() + "\ndisc: " + r.document().disclaimer());
        r.document().allCategories().forEach(c -> { System.out.println("CAT " + c.name() + " " + c.kind() + " inferred=" + c.inferred() + " sites=" + c.bodySites() + " agents=" + c.agentClasses() + " children=" + c.children().stream().map(x->x.name()).toList());
            c.causes().forEach(x -> System.out.println("   " + x)); });
        r.document().causes().forEach(x -> System.out.println(" root  " + x));
        r.warnings().forEach(System.out::println);
    }
}
