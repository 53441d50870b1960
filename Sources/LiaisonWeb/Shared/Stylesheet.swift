/// The one stylesheet, served at `/assets/liaison.css`. It follows the GOV.UK Design System's conventions
/// (type scale, spacing, colours with AA contrast, visible yellow focus, error summary) in the project's own CSS.
enum Stylesheet {
    static let css = """
            *,*::before,*::after{box-sizing:border-box}
            html{font-size:100%;-webkit-text-size-adjust:100%}
            body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:1.1875rem;line-height:1.32;color:#0b0c0c;background:#fff}
            a{color:#1d70b8;text-decoration:underline;text-underline-offset:.1em}
            a:visited{color:#4c2c92}
            a:hover{color:#003078;text-decoration-thickness:3px}
            a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
            a:focus{background:#ffdd00;color:#0b0c0c;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none;outline:none}
            .skip-link{position:absolute;left:-9999px;top:0;padding:10px 15px;background:#ffdd00;color:#0b0c0c}
            .skip-link:focus{left:0;z-index:10}
            .header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8}
            .header__inner,.nav__inner,.width-container{max-width:1100px;margin:0 auto;padding:0 20px}
            .header__inner{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;padding-top:10px;padding-bottom:10px;gap:10px}
            .header__service{color:#fff;font-weight:700;font-size:1.5rem;text-decoration:none}
            .header__service:visited,.header__service:hover{color:#fff}
            .header__user{font-size:1rem;display:flex;gap:15px;align-items:center}
            .header__user form{margin:0}
            .link-button{background:none;border:0;padding:0;color:#fff;font:inherit;text-decoration:underline;cursor:pointer}
            .nav{background:#f3f2f1;border-bottom:1px solid #b1b4b6}
            .nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:0 25px}
            .nav a{display:inline-block;padding:12px 0;font-weight:700;font-size:1rem}
            .nav a:visited{color:#1d70b8}
            .nav a[aria-current=page]{border-bottom:4px solid #1d70b8;padding-bottom:8px}
            .marking-banner{background:#f3f2f1;border-left:10px solid #505a5f;padding:8px 15px;margin:20px 0;font-weight:700;letter-spacing:.02em}
            .marking-banner--high{border-left-color:#d4351c}
            main{padding:30px 0 60px;display:block}
            h1{font-size:2.25rem;line-height:1.1;margin:0 0 30px}
            h2{font-size:1.6rem;margin:40px 0 15px}
            h3{font-size:1.2rem;margin:25px 0 10px}
            .caption{display:block;color:#505a5f;font-size:1.2rem;margin-bottom:5px}
            p,ul,ol{margin:0 0 20px}
            .lede{font-size:1.5rem}
            .hint{color:#505a5f;display:block;margin-bottom:10px;font-size:1rem}
            .form-group{margin-bottom:30px}
            .form-group--error{border-left:5px solid #d4351c;padding-left:15px}
            label,.label,legend{display:block;font-weight:700;margin-bottom:5px}
            fieldset{border:0;margin:0 0 30px;padding:0}
            legend{font-size:1.5rem;margin-bottom:15px}
            input:not([type]),input[type=text],input[type=password],input[type=search],input[type=date],input[type=email],input[type=url],input[type=number],select,textarea{font:inherit;font-size:1.1875rem;border:2px solid #0b0c0c;border-radius:0;padding:5px;width:100%;max-width:30em;background:#fff;color:#0b0c0c}
            textarea{min-height:6em;max-width:40em}
            .input--error{border-color:#d4351c!important}
            .error-message{display:block;color:#d4351c;font-weight:700;margin-bottom:10px}
            .error-summary{border:5px solid #d4351c;padding:20px;margin-bottom:30px}
            .error-summary:focus{outline:3px solid #ffdd00}
            .error-summary h2{margin-top:0;font-size:1.5rem}
            .error-summary ul{margin:0;padding-left:0;list-style:none}
            .error-summary a{color:#d4351c;font-weight:700}
            .button{font:inherit;font-size:1.1875rem;line-height:1.2;display:inline-block;background:#00703c;color:#fff;border:2px solid transparent;box-shadow:0 2px 0 #002d18;padding:8px 12px 7px;margin:0 15px 20px 0;cursor:pointer;text-decoration:none}
            .button:visited,.button:hover{color:#fff}
            .button:hover{background:#005a30}
            .button:focus{background:#ffdd00;color:#0b0c0c;box-shadow:0 2px 0 #0b0c0c;outline:3px solid transparent}
            .button--secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
            .button--secondary:visited,.button--secondary:hover{color:#0b0c0c;background:#dbdad9}
            .search{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end;margin-bottom:30px}
            .search .form-group{margin-bottom:0}
            .search .button{margin:0}
            .filters{display:flex;flex-wrap:wrap;gap:15px;align-items:flex-end;margin-bottom:30px;background:#f3f2f1;padding:15px}
            .filters .form-group{margin:0}
            .filters select,.filters input{max-width:14em}
            .filters .button{margin:0}
            table{border-collapse:collapse;width:100%;margin-bottom:30px;font-size:1rem}
            caption{text-align:left;font-weight:700;font-size:1.2rem;margin-bottom:10px}
            th,td{text-align:left;vertical-align:top;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6}
            th{font-weight:700}
            .summary-list{margin:0 0 30px;width:100%}
            .summary-list div{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:10px 0}
            .summary-list dt{font-weight:700;flex:0 0 30%;min-width:200px;padding-right:20px}
            .summary-list dd{margin:0;flex:1 1 60%}
            .summary-list dd ul{margin:0;padding-left:20px}
            .tag{display:inline-block;padding:2px 8px;font-size:.875rem;font-weight:700;letter-spacing:.03em;text-transform:uppercase;background:#d2e2f1;color:#0c2d4a;margin:0 5px 5px 0}
            .tag--grey{background:#e5e6e7;color:#282d30}
            .tag--red{background:#f4cdc6;color:#2a0b06}
            .tag--green{background:#cce2d8;color:#005a30}
            .tag--yellow{background:#fff7bf;color:#594d00}
            .pagination{display:flex;gap:20px;margin-bottom:30px}
            .notification{border:5px solid #1d70b8;padding:15px 20px;margin-bottom:30px}
            .notification--success{border-color:#00703c}
            .card-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:20px;margin-bottom:30px}
            .card{border:1px solid #b1b4b6;border-top:5px solid #1d70b8;padding:15px 20px}
            .card h2{margin-top:0;font-size:1.3rem}
            .footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:25px 0;font-size:1rem;color:#505a5f}
            .visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
            .two-thirds{max-width:44em}
            .checkbox-label{display:inline;font-weight:400}
            .checkbox-columns{columns:2 16em}.checkbox-columns .checkbox{break-inside:avoid;margin:0 0 6px}
            .member-row{border-bottom:1px solid #b1b4b6;padding:10px 0}.checkbox{margin-top:8px}.checkbox label{display:inline;font-weight:400;margin-left:6px}
            input[type=checkbox]{width:1.2em;height:1.2em;vertical-align:middle}
            code{font-family:monospace;background:#f3f2f1;padding:2px 4px;word-break:break-all}
            .actions{margin:20px 0}
            @media print{.header,.nav,.footer,.button,.search,.filters,.skip-link,details.panel{display:none}.chart-figure{break-inside:avoid}a{color:#0b0c0c;text-decoration:none}}
            .chart-figure{margin:0 0 30px}.chart-pair{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px;align-items:start}.chart{max-width:100%;height:auto;font-family:inherit}.chart-table{font-size:.9rem}
            @media (max-width:900px){.chart-pair{grid-template-columns:1fr}}
            .matches{border-left:10px solid #1d70b8;padding:15px 20px;margin-bottom:30px;background:#f3f2f1}.matches h2{margin-top:0}
        .match{margin-top:20px}.match__score{font-size:16px;font-weight:400;color:#505a5f;margin-left:10px}
        .numeric{text-align:right}
        .panel{border-left:5px solid #b1b4b6;padding:10px 15px;margin:0 0 20px;background:#f8f8f8}.panel summary{cursor:pointer;font-weight:700;color:#1d70b8}
        .panel h2{margin-top:0}.pre{white-space:pre-line}
        .panel--warning{border-left-color:#d4351c;background:#fdf3f1}
        .back-link{display:inline-block;margin:0 0 15px;padding-left:14px;position:relative}.back-link::before{content:"‹";position:absolute;left:0}
        .inline-form{display:inline-block;margin:0 10px 0 0}.inline-form .button{margin:0}
        .phase-banner{margin:10px 0 0;padding-bottom:8px;border-bottom:1px solid #b1b4b6;font-size:1rem}.phase-banner .tag{margin-right:8px}
        @media (max-width:640px){main table:not(.responsive){display:block;overflow-x:auto;max-width:100%}}
        @media (max-width:640px){.chart-image{overflow-x:auto}.chart-image svg.chart{min-width:640px}}
        .date-input{display:flex;flex-wrap:wrap;gap:20px}.date-input__item label{font-weight:400}
        .input--width-2{width:5.5ex}.input--width-4{width:9ex}.fieldset__legend{font-size:1.1875rem;font-weight:700;margin-bottom:5px}
        .check-list{margin:0 0 30px}.check-list div{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:10px 0}
        .check-list dt{font-weight:700;flex:0 0 40%;min-width:200px}.check-list dd{margin:0;flex:1 1 50%}
        .action-list{list-style:none;padding:0}.action-list li{margin-bottom:10px}
        main .chart-image:focus,main table[tabindex]:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
        @media (max-width:640px){table.responsive thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        table.responsive tr{display:block;border-bottom:2px solid #b1b4b6;padding:6px 0}
        table.responsive td,table.responsive tbody th{display:block;border:0;padding:2px 0;text-align:left;width:auto}
        table.responsive td::before{content:attr(data-label) ": ";font-weight:700}
        table.responsive td[data-label=""]::before{content:none}table.responsive td:empty{display:none}}
        .timeline{list-style:none;padding:0;border-left:3px solid #b1b4b6}.timeline li{padding:4px 0 4px 15px}.timeline .hint{display:inline;margin-right:10px}
        .tabs { list-style: none; padding: 0; margin: 20px 0; display: flex; flex-wrap: wrap; gap: 4px 24px; border-bottom: 1px solid #b1b4b6; }
        .tabs a { display: inline-block; padding: 8px 0; }
        .tabs a[aria-current="page"] { font-weight: 700; color: #0b0c0c; border-bottom: 4px solid #1d70b8; }
        .side-by-side { width: 100%; table-layout: fixed; }
        .side-by-side th[scope="row"] { width: 22%; }
        .side-by-side__same td { background: #e8f1e8; }
        .radio { margin: 8px 0; display: flex; gap: 8px; align-items: center; }
        .radio input { width: 24px; height: 24px; margin: 0; }
        """
}
