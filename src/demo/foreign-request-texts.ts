import type { Random } from "./random";

/**
 * Requests as authorities of English- and Spanish-speaking countries write them: a title per
 * thématique ({local} is the city) and what the project is for.
 */
const TEXTS: Record<"en" | "es", Record<string, [title: string, objective: string]>> = {
  en: {
    "jeunesse-formation": [
      "Vocational training in building trades for young people in {local}",
      "Young people leave school without a trade; we want a training centre run with employers.",
    ],
    education: [
      "Equipping primary schools and training teachers in {local}",
      "Classrooms are overcrowded and teachers have little training in modern teaching methods.",
    ],
    sante: [
      "Support for the community health centre of {local}",
      "The centre serves 40,000 people with two nurses; we need help with prevention and equipment.",
    ],
    recherche: [
      "University partnership on urban development in {local}",
      "Our university wants to exchange students and researchers on planning a fast-growing city.",
    ],
    gouvernance: [
      "Strengthening civil registration and local finance in {local}",
      "Many births are not registered and local taxes are poorly collected; we want to train our staff.",
    ],
    "action-economique": [
      "Support for small businesses and the local market of {local}",
      "Traders and craftspeople need training, access to credit and a renovated market hall.",
    ],
    tourisme: [
      "Developing community-based tourism around {local}",
      "We want visitors to stay longer and local families to earn income from guest houses and guides.",
    ],
    numerique: [
      "Digital services for the residents of {local}",
      "Residents queue for hours for simple documents; we want online procedures and trained staff.",
    ],
    agriculture: [
      "Market gardening and food security for farmers' groups in {local}",
      "Dry seasons are longer; farmers need irrigation, seeds and help to sell their produce.",
    ],
    "francophonie-economique": [
      "French-language business training for entrepreneurs of {local}",
      "Local companies trade with French-speaking neighbours and need business French and contacts.",
    ],
    patrimoine: [
      "Restoring the historic centre of {local}",
      "Old buildings are collapsing; we want an inventory, a restoration plan and trained craftsmen.",
    ],
    culture: [
      "Artistic exchanges and a cultural centre in {local}",
      "Young artists have no place to rehearse or perform; we want a programme of exchanges.",
    ],
    sport: [
      "Sports facilities and coaching for young people in {local}",
      "Sport keeps young people in school; we need fields, equipment and trained coaches.",
    ],
    francophonie: [
      "French teaching in the schools of {local}",
      "Parents ask for French lessons; teachers need training and books.",
    ],
    "aide-developpement": [
      "Access to basic services in the outlying districts of {local}",
      "New districts have no water, lighting or paved roads; we want a plan and first works.",
    ],
    "transfrontalier-europe": [
      "Preparing a joint application for European funding with {local}",
      "We want to learn how French local governments build and manage European projects.",
    ],
    urgence: [
      "Rebuilding after the floods in {local}",
      "Last year's floods destroyed houses and a school; families still live in temporary shelters.",
    ],
    migrations: [
      "Diaspora investment in local development in {local}",
      "Many of our citizens live in France; we want their savings to finance local projects.",
    ],
    climat: [
      "Adapting {local} to floods and heat waves",
      "Rains are heavier and summers hotter; we need a climate plan and green spaces.",
    ],
    "developpement-durable": [
      "Sustainable urban planning for {local}",
      "The city grows without a plan; we want a land-use plan that protects farmland and wetlands.",
    ],
    "eau-assainissement": [
      "Drinking water and sanitation in three districts of {local}",
      "Women walk an hour to fetch water; we want standpipes, latrines and a water committee.",
    ],
    energie: [
      "Solar lighting for public buildings in {local}",
      "Power cuts close the health centre and schools at night; solar panels would keep them open.",
    ],
    dechets: [
      "Household waste collection and sorting in {local}",
      "Waste is burnt in the streets; we want a collection service, a sorting centre and compost.",
    ],
  },
  es: {
    "jeunesse-formation": [
      "Formación profesional en oficios de la construcción para jóvenes de {local}",
      "Los jóvenes terminan la escuela sin oficio; queremos un centro de formación con las empresas.",
    ],
    education: [
      "Equipamiento de escuelas primarias y formación de docentes en {local}",
      "Las aulas están saturadas y los docentes tienen poca formación en métodos pedagógicos.",
    ],
    sante: [
      "Apoyo al centro de salud comunitario de {local}",
      "El centro atiende a 40 000 personas con dos enfermeras; necesitamos prevención y equipos.",
    ],
    recherche: [
      "Cooperación universitaria sobre desarrollo urbano en {local}",
      "Nuestra universidad quiere intercambiar estudiantes e investigadores sobre planificación urbana.",
    ],
    gouvernance: [
      "Fortalecimiento del registro civil y de las finanzas municipales de {local}",
      "Muchos nacimientos no se registran y los impuestos locales se recaudan mal; queremos formar al personal.",
    ],
    "action-economique": [
      "Apoyo a las pequeñas empresas y al mercado municipal de {local}",
      "Comerciantes y artesanos necesitan formación, acceso al crédito y un mercado renovado.",
    ],
    tourisme: [
      "Desarrollo del turismo comunitario en {local}",
      "Queremos que los visitantes se queden más tiempo y que las familias vivan del alojamiento y de las visitas.",
    ],
    numerique: [
      "Servicios digitales para los vecinos de {local}",
      "Los vecinos hacen largas filas para trámites sencillos; queremos trámites en línea y personal formado.",
    ],
    agriculture: [
      "Huertas y seguridad alimentaria para las asociaciones de productores de {local}",
      "La temporada seca es cada vez más larga; los productores necesitan riego, semillas y mercados.",
    ],
    "francophonie-economique": [
      "Formación en francés de negocios para emprendedores de {local}",
      "Las empresas locales comercian con países francófonos y necesitan francés profesional y contactos.",
    ],
    patrimoine: [
      "Rehabilitación del centro histórico de {local}",
      "Los edificios antiguos se deterioran; queremos un inventario, un plan de restauración y artesanos formados.",
    ],
    culture: [
      "Intercambios artísticos y casa de la cultura en {local}",
      "Los jóvenes artistas no tienen dónde ensayar ni presentarse; proponemos un programa de intercambios.",
    ],
    sport: [
      "Instalaciones deportivas y entrenadores para los jóvenes de {local}",
      "El deporte mantiene a los jóvenes en la escuela; necesitamos canchas, material y entrenadores.",
    ],
    francophonie: [
      "Enseñanza del francés en las escuelas de {local}",
      "Las familias piden clases de francés; los docentes necesitan formación y libros.",
    ],
    "aide-developpement": [
      "Acceso a los servicios básicos en los barrios periféricos de {local}",
      "Los nuevos barrios no tienen agua, alumbrado ni calles pavimentadas; queremos un plan y primeras obras.",
    ],
    "transfrontalier-europe": [
      "Preparación de una candidatura conjunta a fondos europeos con {local}",
      "Queremos aprender cómo las colectividades francesas preparan y gestionan proyectos europeos.",
    ],
    urgence: [
      "Reconstrucción tras las inundaciones en {local}",
      "Las inundaciones destruyeron viviendas y una escuela; muchas familias siguen en albergues.",
    ],
    migrations: [
      "Inversión de la diáspora en el desarrollo local de {local}",
      "Muchos de nuestros vecinos viven en Francia; queremos que sus ahorros financien proyectos locales.",
    ],
    climat: [
      "Adaptación de {local} a las inundaciones y olas de calor",
      "Las lluvias son más intensas y los veranos más calurosos; necesitamos un plan climático y áreas verdes.",
    ],
    "developpement-durable": [
      "Planificación urbana sostenible para {local}",
      "La ciudad crece sin plan; queremos un plan de ordenamiento que proteja tierras agrícolas y humedales.",
    ],
    "eau-assainissement": [
      "Agua potable y saneamiento en tres barrios de {local}",
      "Las mujeres caminan una hora para buscar agua; queremos piletas públicas, letrinas y un comité del agua.",
    ],
    energie: [
      "Alumbrado solar de los edificios públicos de {local}",
      "Los cortes de luz cierran el centro de salud y las escuelas de noche; los paneles solares los mantendrían abiertos.",
    ],
    dechets: [
      "Recolección y clasificación de residuos domésticos en {local}",
      "Los residuos se queman en la calle; queremos un servicio de recolección, un centro de clasificación y compost.",
    ],
  },
};

const CLOSINGS = {
  en: [
    "We look for a French local government with experience in this field to share know-how, host two of our staff for training and help us seek co-funding. The municipality provides a project team and the land.",
    "A French partner would bring technical advice and exchanges between staff; we would contribute our project team, local knowledge and part of the budget.",
  ],
  es: [
    "Buscamos una colectividad francesa con experiencia en este ámbito para compartir conocimientos, recibir en formación a dos de nuestros técnicos y ayudarnos a buscar cofinanciación. La municipalidad aporta un equipo de proyecto y el terreno.",
    "Un socio francés aportaría asesoría técnica e intercambios entre equipos; nosotros aportamos el equipo de proyecto, el conocimiento del terreno y parte del presupuesto.",
  ],
};

/** A request's title and description written by its author in English or Spanish. */
export function foreignRequestText(
  random: Random,
  lang: "en" | "es",
  themeCode: string,
  local: string,
) {
  const [title, objective] = TEXTS[lang][themeCode];
  return {
    title: title.replaceAll("{local}", local),
    description: `${objective} ${random.pick(CLOSINGS[lang])}`,
  };
}
