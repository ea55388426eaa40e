"""Boilerplate phrasings per language, used by make_devset.py.

Written independently of normalizer's rules. Each language has:
  related     header lines of a "related articles" block (decorations included)
  inline      one-line related-link templates, "{}" = a headline
  share       share-button / share-widget lines
  follow      "follow us" lines (planted under the share_line kind)
  newsletter  newsletter sign-up lines
  tags        tag-list templates, "{}" = the joined tags
  tag_sep     separator between tags
  tagwords    topic -> tag words
"""

V = {}

V["en"] = dict(
    related=["Related articles", "More from this section", "You may also like", "RELATED ARTICLES",
             "## Related", "Read next", "More on this story", "Recommended for you"],
    inline=["READ MORE: {}", "Read more: {}", "RELATED: {}", "Also read: {}", "See also: {}"],
    share=["Share this article", "Share on Facebook", "Share on X", "Share via Email", "Share this story", "Copy link"],
    follow=["Follow us on Twitter and Instagram", "Follow us on Facebook", "Follow The Daily Ledger on LinkedIn"],
    newsletter=["Sign up for our daily newsletter", "Subscribe to our morning briefing",
                "Get our free newsletter every weekday. Sign up here.",
                "Newsletter: the day's top stories in your inbox. Subscribe now"],
    tags=["Tags: {}", "Topics: {}", "Filed under: {}"], tag_sep=", ",
    tagwords=dict(economy=["economy", "inflation", "interest rates", "trade", "markets"],
                  sport=["sport", "football", "results", "athletics", "Premier League"],
                  science=["science", "research", "physics", "wildlife", "climate"],
                  culture=["culture", "arts", "museums", "film", "festivals"],
                  local=["local news", "council", "transport", "Leeds", "libraries"],
                  technology=["technology", "software", "aviation", "internet", "standards"]),
)

V["fr"] = dict(
    related=["Articles similaires", "Sur le même sujet", "À lire aussi", "► Lire aussi :", "Nos articles sur le sujet",
             "LIRE AUSSI", "Vous aimerez aussi", "Les plus lus"],
    inline=["Lire aussi : {}", "► LIRE AUSSI. {}", "À lire aussi : {}", "Lire aussi | {}", "Voir aussi : {}"],
    share=["Partager sur Twitter", "Partager sur Facebook", "Partager cet article", "Envoyer par e-mail", "Partager sur LinkedIn"],
    follow=["Suivez-nous sur Facebook", "Suivez-nous sur Instagram et TikTok"],
    newsletter=["Abonnez-vous à notre newsletter", "Inscrivez-vous à notre lettre d'information quotidienne",
                "Recevez chaque matin l'essentiel de l'actualité : inscrivez-vous à la newsletter"],
    tags=["Mots-clés : {}", "Tags : {}", "Thèmes : {}"], tag_sep=", ",
    tagwords=dict(economy=["économie", "croissance", "inflation", "entreprises", "emploi"],
                  sport=["sport", "rugby", "cyclisme", "Top 14", "résultats"],
                  science=["sciences", "biodiversité", "astronomie", "recherche", "espace"],
                  culture=["culture", "théâtre", "gastronomie", "festival", "patrimoine"],
                  local=["Lyon", "Dordogne", "travaux", "commerces", "vie locale"],
                  technology=["numérique", "logiciel", "fibre optique", "Windows", "télétravail"]),
)

V["de"] = dict(
    related=["Lesen Sie auch", "Mehr zum Thema", "Das könnte Sie auch interessieren", "Weitere Artikel",
             "MEHR ZUM THEMA", "Auch interessant", "Meistgelesen"],
    inline=["Lesen Sie auch: {}", "Mehr zum Thema: {}", "Auch interessant: {}", "LESEN SIE AUCH: {}"],
    share=["Teilen auf WhatsApp", "Teilen auf Facebook", "Artikel teilen", "Per E-Mail teilen", "Link kopieren"],
    follow=["Folgen Sie uns auf Instagram", "Folgen Sie uns auf X und Facebook"],
    newsletter=["Melden Sie sich für unseren Newsletter an", "Newsletter abonnieren",
                "Jetzt kostenlos für den Newsletter anmelden",
                "Die wichtigsten Nachrichten des Tages per E-Mail: Jetzt abonnieren"],
    tags=["Schlagwörter: {}", "Themen: {}", "Stichwörter: {}"], tag_sep=", ",
    tagwords=dict(economy=["Wirtschaft", "Export", "Energiepreise", "Handwerk", "Konjunktur"],
                  sport=["Sport", "Bundesliga", "Biathlon", "FC Bayern", "Wintersport"],
                  science=["Wissenschaft", "Physik", "Umwelt", "Insekten", "Forschung"],
                  culture=["Kultur", "Ausstellung", "Musik", "Berlin", "Dresden"],
                  local=["Allgäu", "Hamburg", "Nahverkehr", "Schwimmbad", "Kommunen"],
                  technology=["Digitalisierung", "Open Source", "Verwaltung", "Normen", "Sicherheit"]),
)

V["es"] = dict(
    related=["Te puede interesar", "Noticias relacionadas", "Más información", "También te puede interesar",
             "LO MÁS LEÍDO", "Contenido relacionado", "Más noticias"],
    inline=["Lee también: {}", "Te puede interesar: {}", "LEA TAMBIÉN: {}", "Relacionado: {}", "Más información: {}"],
    share=["Compartir en Facebook", "Compartir en Twitter", "Compartir en WhatsApp", "Enviar por correo", "Comparte esta noticia"],
    follow=["Síguenos en Twitter e Instagram", "Sigue toda la actualidad en nuestro canal de WhatsApp"],
    newsletter=["Suscríbete a nuestro boletín", "Apúntate a la newsletter diaria",
                "Recibe cada mañana las noticias más importantes: suscríbete gratis"],
    tags=["Etiquetas: {}", "Temas: {}", "Archivado en: {}"], tag_sep=", ",
    tagwords=dict(economy=["economía", "empleo", "consumo", "turismo", "leyes"],
                  sport=["deportes", "LaLiga", "Betis", "natación", "récords"],
                  science=["ciencia", "CSIC", "volcanes", "medio ambiente", "La Palma"],
                  culture=["cultura", "gastronomía", "Museo del Prado", "Goya", "recetas"],
                  local=["Sevilla", "Teruel", "educación", "medio rural", "calor"],
                  technology=["tecnología", "banca", "drones", "aplicaciones", "Bilbao"]),
)

V["it"] = dict(
    related=["Leggi anche", "Potrebbe interessarti", "Articoli correlati", "Ti potrebbe interessare",
             "LEGGI ANCHE", "Altre notizie", "I più letti"],
    inline=["Leggi anche: {}", "LEGGI ANCHE: {}", "Potrebbe interessarti: {}", "Vedi anche: {}"],
    share=["Condividi su Facebook", "Condividi su WhatsApp", "Condividi questo articolo", "Invia per email"],
    follow=["Seguici su Instagram e Facebook", "Seguici su Telegram"],
    newsletter=["Iscriviti alla nostra newsletter", "Ricevi le notizie del giorno: iscriviti gratis alla newsletter",
                "Abbonati alla newsletter settimanale"],
    tags=["Tag: {}", "Argomenti: {}", "Parole chiave: {}"], tag_sep=", ",
    tagwords=dict(economy=["economia", "turismo", "Istat", "olio d'oliva", "prezzi"],
                  sport=["sport", "Serie A", "derby", "sci", "Coppa del Mondo"],
                  science=["scienza", "astronomia", "api", "ricerca", "clima"],
                  culture=["cultura", "teatro", "cucina", "ricette", "Sicilia"],
                  local=["Bologna", "Abruzzo", "tram", "case a un euro", "cronaca"],
                  technology=["tecnologia", "scuola", "intelligenza artificiale", "fibra ottica", "Trentino"]),
)

V["pt"] = dict(
    related=["Leia também", "Veja também", "Notícias relacionadas", "Mais lidas", "LEIA TAMBÉM",
             "Você pode gostar", "Saiba mais"],
    inline=["Leia também: {}", "LEIA MAIS: {}", "Veja também: {}", "Saiba mais: {}"],
    share=["Compartilhe no WhatsApp", "Partilhar no Facebook", "Compartilhar no Twitter", "Partilhar este artigo",
           "Enviar por e-mail"],
    follow=["Siga-nos no Instagram", "Siga o nosso canal no WhatsApp"],
    newsletter=["Assine a nossa newsletter", "Receba as principais notícias do dia no seu e-mail: inscreva-se",
                "Subscreva a newsletter diária"],
    tags=["Tags: {}", "Temas: {}", "Palavras-chave: {}"], tag_sep=", ",
    tagwords=dict(economy=["economia", "inflação", "portos", "IBGE", "juros"],
                  sport=["desporto", "futebol", "Benfica", "surf", "Nazaré"],
                  science=["ciência", "saúde", "Açores", "baleias", "investigação"],
                  culture=["cultura", "fado", "gastronomia", "Lisboa", "festivais"],
                  local=["Porto", "Alentejo", "metro", "habitação", "autarquias"],
                  technology=["tecnologia", "startups", "educação", "computadores", "investimento"]),
)

V["nl"] = dict(
    related=["Lees ook", "Meer over dit onderwerp", "Gerelateerde artikelen", "Lees meer",
             "Dit vind je misschien ook interessant", "Meest gelezen", "LEES OOK"],
    inline=["Lees ook: {}", "LEES OOK: {}", "Lees meer: {}", "Bekijk ook: {}"],
    share=["Deel dit artikel", "Delen op Facebook", "Delen via WhatsApp", "Deel op X", "Link kopiëren"],
    follow=["Volg ons op Instagram", "Volg ons op Facebook en X"],
    newsletter=["Schrijf je in voor onze nieuwsbrief", "Meld je aan voor de dagelijkse nieuwsbrief",
                "Ontvang elke ochtend het belangrijkste nieuws in je mailbox: aanmelden"],
    tags=["Tags: {}", "Onderwerpen: {}", "Trefwoorden: {}"], tag_sep=", ",
    tagwords=dict(economy=["economie", "woningmarkt", "Schiphol", "luchtvaart", "CBS"],
                  sport=["sport", "Eredivisie", "Feyenoord", "schaatsen", "Heerenveen"],
                  science=["wetenschap", "archeologie", "Waddenzee", "zeehonden", "Romeinen"],
                  culture=["cultuur", "Rijksmuseum", "Rembrandt", "Gouda", "eten"],
                  local=["Groningen", "Friesland", "fietsen", "zorg", "dorpen"],
                  technology=["technologie", "ASML", "chips", "open standaarden", "overheid"]),
)

V["ca"] = dict(
    related=["Llegiu també", "Notícies relacionades", "També et pot interessar", "Més notícies",
             "LLEGIU TAMBÉ", "El més llegit", "Articles relacionats"],
    inline=["Llegiu també: {}", "LLEGEIX TAMBÉ: {}", "Et pot interessar: {}", "Vegeu també: {}"],
    share=["Comparteix a Facebook", "Comparteix a X", "Comparteix per WhatsApp", "Comparteix aquest article",
           "Envia per correu"],
    follow=["Segueix-nos a Instagram", "Segueix-nos a X i a Facebook"],
    newsletter=["Subscriu-te al nostre butlletí", "Rep cada matí les notícies més importants: subscriu-te al butlletí",
                "Apunta't a la newsletter diària"],
    tags=["Etiquetes: {}", "Temes: {}"], tag_sep=", ",
    tagwords=dict(economy=["economia", "turisme", "Barcelona", "verema", "sequera"],
                  sport=["esports", "Barça", "Girona", "castells", "futbol"],
                  science=["ciència", "contaminació", "delta de l'Ebre", "dofins", "recerca"],
                  culture=["cultura", "Liceu", "òpera", "cuina catalana", "receptes"],
                  local=["Girona", "Pirineu", "escoles", "trànsit", "Temps de Flors"],
                  technology=["tecnologia", "supercomputació", "ciberseguretat", "biblioteques", "BSC"]),
)

V["pl"] = dict(
    related=["Czytaj także", "Przeczytaj również", "Zobacz także", "Polecamy", "CZYTAJ TAKŻE",
             "Najczęściej czytane", "Powiązane artykuły"],
    inline=["Czytaj także: {}", "CZYTAJ WIĘCEJ: {}", "Zobacz też: {}", "Przeczytaj również: {}"],
    share=["Udostępnij na Facebooku", "Udostępnij na X", "Udostępnij artykuł", "Wyślij e-mailem", "Skopiuj link"],
    follow=["Obserwuj nas na Instagramie", "Obserwuj nas w Google News"],
    newsletter=["Zapisz się do naszego newslettera", "Zamów bezpłatny newsletter",
                "Najważniejsze informacje dnia prosto na Twoją skrzynkę: zapisz się"],
    tags=["Tagi: {}", "Tematy: {}", "Słowa kluczowe: {}"], tag_sep=", ",
    tagwords=dict(economy=["gospodarka", "inflacja", "GUS", "port", "Gdańsk"],
                  sport=["sport", "Ekstraklasa", "Legia", "skoki narciarskie", "Zakopane"],
                  science=["nauka", "paleontologia", "żubry", "Bieszczady", "przyroda"],
                  culture=["kultura", "Chopin", "muzea", "kuchnia polska", "Kraków"],
                  local=["Wrocław", "Podlasie", "mosty", "wieś", "samorząd"],
                  technology=["technologie", "edukacja", "internet", "satelity", "startupy"]),
)

V["cs"] = dict(
    related=["Čtěte také", "Související články", "Mohlo by vás zajímat", "Další zprávy", "ČTĚTE TAKÉ",
             "Nejčtenější", "Související"],
    inline=["Čtěte také: {}", "ČTĚTE TAKÉ: {}", "Přečtěte si také: {}", "Související: {}"],
    share=["Sdílet na Facebooku", "Sdílet na X", "Sdílet článek", "Poslat e-mailem", "Kopírovat odkaz"],
    follow=["Sledujte nás na Instagramu", "Sledujte nás na Facebooku a X"],
    newsletter=["Přihlaste se k odběru newsletteru", "Odebírejte náš denní newsletter",
                "Nejdůležitější zprávy dne do vaší schránky: přihlásit k odběru"],
    tags=["Témata: {}", "Štítky: {}", "Klíčová slova: {}"], tag_sep=", ",
    tagwords=dict(economy=["ekonomika", "inflace", "ČNB", "Škoda Auto", "elektromobily"],
                  sport=["sport", "fotbal", "Sparta", "biatlon", "Nové Město"],
                  science=["věda", "příroda", "Šumava", "rysi", "Národní muzeum"],
                  culture=["kultura", "opera", "Národní divadlo", "česká kuchyně", "recepty"],
                  local=["Brno", "Vysočina", "tramvaje", "pošta", "obce"],
                  technology=["technologie", "e-government", "aplikace", "elektronický podpis", "startupy"]),
)

V["ru"] = dict(
    related=["Читайте также", "Похожие новости", "Другие новости раздела", "По теме", "ЧИТАЙТЕ ТАКЖЕ",
             "Самое читаемое", "Вам может быть интересно"],
    inline=["Читайте также: {}", "ЧИТАЙТЕ ТАКЖЕ: {}", "По теме: {}", "Смотрите также: {}"],
    share=["Поделиться", "Поделиться во ВКонтакте", "Поделиться в Telegram", "Отправить по почте", "Скопировать ссылку"],
    follow=["Подписывайтесь на наш канал в Telegram", "Следите за нами во ВКонтакте"],
    newsletter=["Подпишитесь на нашу рассылку", "Подпишитесь на ежедневную рассылку главных новостей",
                "Главные новости дня — на вашу почту. Подписаться"],
    tags=["Теги: {}", "Темы: {}", "Ключевые слова: {}"], tag_sep=", ",
    tagwords=dict(economy=["экономика", "ЦБ", "ключевая ставка", "смартфоны", "iPhone"],
                  sport=["спорт", "футбол", "РПЛ", "фигурное катание", "Зенит"],
                  science=["наука", "палеонтология", "Байкал", "экология", "Якутия"],
                  culture=["культура", "выставки", "Айвазовский", "кухня", "пельмени"],
                  local=["Казань", "метро", "Вологда", "музеи", "городская среда"],
                  technology=["технологии", "образование", "Windows", "космос", "спутники"]),
)

V["uk"] = dict(
    related=["Читайте також", "Вас також може зацікавити", "Схожі новини", "Більше новин", "ЧИТАЙТЕ ТАКОЖ",
             "Найпопулярніше", "Інші новини розділу"],
    inline=["Читайте також: {}", "ЧИТАЙТЕ ТАКОЖ: {}", "Дивіться також: {}", "За темою: {}"],
    share=["Поділитися", "Поділитися у Facebook", "Поділитися в Telegram", "Надіслати електронною поштою",
           "Копіювати посилання"],
    follow=["Підписуйтесь на наш Telegram-канал", "Стежте за нами у Facebook та Instagram"],
    newsletter=["Підпишіться на нашу розсилку", "Отримуйте головні новини дня на пошту: підписатися",
                "Підпишіться на щоденну розсилку"],
    tags=["Теги: {}", "Теми: {}", "Ключові слова: {}"], tag_sep=", ",
    tagwords=dict(economy=["економіка", "НБУ", "облікова ставка", "зерно", "експорт"],
                  sport=["спорт", "футбол", "Шахтар", "легка атлетика", "Діамантова ліга"],
                  science=["наука", "бджільництво", "Карпати", "екологія", "ведмеді"],
                  culture=["культура", "опера", "Львів", "борщ", "кухня"],
                  local=["Київ", "Житомирщина", "медицина", "громади", "мости"],
                  technology=["технології", "Дія", "цифровізація", "Windows", "держслужба"]),
)

V["tr"] = dict(
    related=["İlginizi çekebilir", "İlgili haberler", "Benzer haberler", "Bunları da okuyun", "İLGİLİ HABERLER",
             "En çok okunanlar", "Diğer haberler"],
    inline=["İlgili haber: {}", "İLGİLİ HABER: {}", "Bunu da okuyun: {}", "İlginizi çekebilir: {}"],
    share=["Paylaş", "Facebook'ta paylaş", "Twitter'da paylaş", "WhatsApp ile paylaş", "Bağlantıyı kopyala"],
    follow=["Bizi Instagram'da takip edin", "Bizi X ve Facebook'ta takip edin"],
    newsletter=["Bültenimize abone olun", "Günün önemli haberleri e-posta kutunuza gelsin: abone olun",
                "E-bültene kaydolun"],
    tags=["Etiketler: {}", "Konular: {}", "Anahtar kelimeler: {}"], tag_sep=", ",
    tagwords=dict(economy=["ekonomi", "Merkez Bankası", "faiz", "havalimanı", "enflasyon"],
                  sport=["spor", "Süper Lig", "Galatasaray", "güreş", "derbi"],
                  science=["bilim", "Van Gölü", "biyoloji", "Pamukkale", "doğa"],
                  culture=["kültür", "Efes", "arkeoloji", "baklava", "Gaziantep"],
                  local=["İzmir", "Rize", "metro", "eğitim", "köyler"],
                  technology=["teknoloji", "yapay zekâ", "otomobil", "ihracat", "eğitim"]),
)

V["vi"] = dict(
    related=["Bài viết liên quan", "Tin liên quan", "Xem thêm", "Tin cùng chuyên mục", "ĐỌC THÊM",
             "Có thể bạn quan tâm", "Tin mới nhất"],
    inline=["Xem thêm: {}", "Đọc thêm: {}", "Tin liên quan: {}", "XEM THÊM: {}"],
    share=["Chia sẻ", "Chia sẻ lên Facebook", "Chia sẻ qua Zalo", "Sao chép liên kết", "Gửi email"],
    follow=["Theo dõi chúng tôi trên Facebook", "Theo dõi kênh Zalo của báo"],
    newsletter=["Đăng ký nhận bản tin", "Đăng ký nhận bản tin hằng ngày của chúng tôi",
                "Nhận tin tức nổi bật mỗi sáng qua email: đăng ký ngay"],
    tags=["Thẻ: {}", "Từ khóa: {}", "Chủ đề: {}"], tag_sep=", ",
    tagwords=dict(economy=["kinh tế", "tăng trưởng", "cà phê", "xuất khẩu", "Tây Nguyên"],
                  sport=["thể thao", "bóng đá", "điền kinh", "SEA Games", "Mỹ Đình"],
                  science=["khoa học", "đa dạng sinh học", "rùa biển", "Côn Đảo", "môi trường"],
                  culture=["văn hóa", "ẩm thực", "phở", "áo dài", "lễ hội"],
                  local=["Hà Nội", "Hội An", "xe buýt điện", "làng nghề", "giao thông"],
                  technology=["công nghệ", "5G", "robot", "viễn thông", "sinh viên"]),
)

V["id"] = dict(
    related=["Baca juga", "Berita terkait", "Artikel terkait", "Berita lainnya", "BACA JUGA", "Terpopuler",
             "Rekomendasi untuk Anda"],
    inline=["Baca juga: {}", "BACA JUGA: {}", "Simak juga: {}", "Lihat juga: {}"],
    share=["Bagikan", "Bagikan ke Facebook", "Bagikan lewat WhatsApp", "Salin tautan", "Bagikan artikel ini"],
    follow=["Ikuti kami di Instagram dan TikTok", "Ikuti saluran WhatsApp kami"],
    newsletter=["Berlangganan newsletter kami", "Daftar untuk menerima berita pilihan setiap pagi",
                "Dapatkan berita terbaru langsung di email Anda: berlangganan sekarang"],
    tags=["Tag: {}", "Topik: {}", "Kata kunci: {}"], tag_sep=", ",
    tagwords=dict(economy=["ekonomi", "Bank Indonesia", "suku bunga", "kopi", "ekspor"],
                  sport=["olahraga", "Liga 1", "Persib", "bulu tangkis", "Japan Open"],
                  science=["sains", "BRIN", "komodo", "Sulawesi", "satwa liar"],
                  culture=["budaya", "rendang", "kuliner", "Danau Toba", "festival"],
                  local=["Jakarta", "Bali", "jalur sepeda", "lingkungan", "desa"],
                  technology=["teknologi", "mobil listrik", "baterai", "pendidikan", "aplikasi"]),
)

V["ja"] = dict(
    related=["関連記事", "【関連記事】", "あわせて読みたい", "関連ニュース", "こちらもおすすめ", "■関連記事",
             "アクセスランキング"],
    inline=["【関連記事】{}", "関連記事：{}", "あわせて読みたい：{}", "［関連］{}"],
    share=["シェアする", "Xでシェア", "Facebookでシェア", "LINEで送る", "はてなブックマークに追加"],
    follow=["公式Xをフォローする", "LINEで友だち追加"],
    newsletter=["メールマガジンに登録する", "ニュースレターの購読はこちら",
                "毎朝の主要ニュースをメールでお届けします。登録は無料です"],
    tags=["タグ：{}", "キーワード：{}", "タグ: {}"], tag_sep="、",
    tagwords=dict(economy=["経済", "日銀", "金融政策", "訪日客", "円安"],
                  sport=["スポーツ", "大谷翔平", "大相撲", "MLB", "野球"],
                  science=["科学", "超伝導", "京都大学", "ウナギ", "研究"],
                  culture=["文化", "料理", "レシピ", "伝統工芸", "金沢"],
                  local=["札幌", "除雪", "香川", "医療", "地域"],
                  technology=["IT", "Git", "Docker", "クラウド", "自治体"]),
)

V["zh"] = dict(
    related=["相关阅读", "相关新闻", "延伸阅读", "推荐阅读", "【相关新闻】", "猜你喜欢", "热门文章"],
    inline=["相关阅读：{}", "【延伸阅读】{}", "推荐阅读：{}", "相关新闻：{}"],
    share=["分享到微博", "分享到微信", "分享到QQ空间", "复制链接", "分享到："],
    follow=["关注我们的微信公众号", "欢迎关注本报官方微博"],
    newsletter=["订阅我们的每日新闻简报", "订阅电子报，每天早上获取最新资讯", "点击订阅新闻邮件"],
    tags=["标签：{}", "关键词：{}", "关键字：{}"], tag_sep=" ",
    tagwords=dict(economy=["经济", "国内生产总值", "新能源汽车", "出口", "消费"],
                  sport=["体育", "中超", "游泳", "世锦赛", "足球"],
                  science=["科学", "古人类", "大熊猫", "生态保护", "考古"],
                  culture=["文化", "故宫", "展览", "美食", "菜谱"],
                  local=["成都", "地铁", "乡村旅游", "浙江", "民宿"],
                  technology=["科技", "开源", "智能手机", "人工智能", "开发者"]),
)

V["ko"] = dict(
    related=["관련 기사", "관련기사", "함께 읽으면 좋은 기사", "이 기사와 함께 많이 본 뉴스", "많이 본 뉴스",
             "[관련 기사]", "추천 기사"],
    inline=["관련 기사: {}", "[관련기사] {}", "▶ 관련 기사 {}", "함께 보기: {}"],
    share=["공유하기", "페이스북 공유", "카카오톡 공유", "링크 복사", "기사 공유하기"],
    follow=["트위터에서 팔로우하기", "카카오톡 채널 추가하기"],
    newsletter=["뉴스레터 구독하기", "매일 아침 주요 뉴스를 이메일로 받아보세요. 구독 신청", "무료 뉴스레터를 구독하세요"],
    tags=["태그: {}", "키워드: {}"], tag_sep=", ",
    tagwords=dict(economy=["경제", "한국은행", "기준금리", "반도체", "수출"],
                  sport=["스포츠", "프로야구", "배구", "KIA", "국가대표"],
                  science=["과학", "배터리", "돌고래", "제주", "해양"],
                  culture=["문화", "박물관", "청자", "요리", "김치찌개"],
                  local=["서울", "한강", "강원도", "도서관", "수상버스"],
                  technology=["IT", "개발자", "Docker", "반도체", "인공지능"]),
)
