use article_atlas::analysis::gazetteer::Gazetteer;
fn main() {
    let g = Gazetteer::embedded();
    for line in std::io::stdin().lines() {
        let name = line.unwrap();
        let ms = g.lookup(&name);
        print!("{name}: {} ->", ms.len());
        for m in ms.iter().take(6) {
            print!(
                " [{:?} {} pop {} {} alt={}]",
                g.kind(m.place),
                g.name(m.place),
                g.population(m.place),
                g.country_code(m.place),
                m.alternate
            );
        }
        println!();
    }
}
