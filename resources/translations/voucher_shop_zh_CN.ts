<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>InventoryTab</name>
    <message>
        <location filename="../../desktop_app/ui/inventory_tab.py" line="19"/>
        <source>Products and stock</source>
        <translation>商品与库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory_tab.py" line="22"/>
        <source>Your products, their prices and stock, and the card keys you imported will be listed here.</source>
        <translation>这里将列出您的商品、价格和库存，以及已导入的卡密。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="92"/>
        <source>Voucher Shop</source>
        <translation>Voucher Shop</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="94"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="95"/>
        <source>The shop is locked. Enter the password to continue.</source>
        <translation>店铺已锁定。输入密码继续使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="97"/>
        <location filename="../../desktop_app/ui/login_dialog.py" line="180"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="98"/>
        <source>Log in with your operator name and password.</source>
        <translation>请用操作员名称和密码登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="107"/>
        <source>Someone else at the counter? Type your own name and password to log in instead.</source>
        <translation>换人值班？输入您自己的名称和密码即可改为您登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="123"/>
        <source>Your name</source>
        <translation>您的名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="126"/>
        <location filename="../../desktop_app/ui/login_dialog.py" line="153"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="132"/>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="133"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="150"/>
        <source>Demo shop: try these operators</source>
        <translation>演示店铺：可用以下操作员试用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="152"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="152"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="173"/>
        <source>Click a row to fill in its name and password. The demo shop lives in its own folder and holds sample data only.</source>
        <translation>点击一行即可填入名称和密码。演示店铺存放在单独的文件夹中，只有示例数据。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="180"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="185"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="194"/>
        <source>Shop folder: {folder}</source>
        <translation>店铺文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="218"/>
        <source>Preparing the demo shop…</source>
        <translation>正在准备演示店铺…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="225"/>
        <source>Enter your operator name.</source>
        <translation>请输入操作员名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="230"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="234"/>
        <source>Unlocking the shop…</source>
        <translation>正在解锁店铺…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="62"/>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="63"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="64"/>
        <source>Redemption</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="94"/>
        <source>{shop} — Voucher Shop</source>
        <translation>{shop} — Voucher Shop</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="117"/>
        <source>{operator} ({role})</source>
        <translation>{operator}（{role}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="122"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="123"/>
        <source>Lock the screen; unlock with your password (Ctrl+L)</source>
        <translation>锁定屏幕，输入密码即可解锁（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="149"/>
        <source>Ctrl+{number}</source>
        <translation>Ctrl+{number}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="156"/>
        <source>&amp;Shop</source>
        <translation>店铺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="157"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="160"/>
        <source>Log &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="163"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="167"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="168"/>
        <source>&amp;About Voucher Shop</source>
        <translation>关于 Voucher Shop(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="175"/>
        <source>Operator: {operator}</source>
        <translation>操作员：{operator}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="177"/>
        <source>Shop: {shop}</source>
        <translation>店铺：{shop}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="178"/>
        <source>Station: {station}</source>
        <translation>收银台：{station}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="226"/>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="228"/>
        <source>&lt;h3&gt;Voucher Shop {version}&lt;/h3&gt;&lt;p&gt;Sells vouchers, gift cards and card keys, and redeems them at the counter. The shop is kept in an encrypted database on this computer.&lt;/p&gt;&lt;p&gt;QR decoders: {decoders}&lt;br&gt;Qt {qt}, Python {python}, {system}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Voucher Shop {version}&lt;/h3&gt;&lt;p&gt;出售兑换券、礼品卡和卡密，并在柜台兑换。店铺数据保存在本机的加密数据库中。&lt;/p&gt;&lt;p&gt;二维码识别：{decoders}&lt;br&gt;Qt {qt}，Python {python}，{system}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="236"/>
        <source>About Voucher Shop</source>
        <translation>关于 Voucher Shop</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <location filename="../../desktop_app/ui/orders_tab.py" line="19"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders_tab.py" line="22"/>
        <source>Orders, payments and refunds, with the vouchers each order issued, will be listed here.</source>
        <translation>这里将列出订单、收款和退款，以及每个订单发出的兑换券。</translation>
    </message>
</context>
<context>
    <name>RedemptionTab</name>
    <message>
        <location filename="../../desktop_app/ui/redemption_tab.py" line="19"/>
        <source>Redeem vouchers</source>
        <translation>扫码兑换</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/redemption_tab.py" line="21"/>
        <source>Scan a voucher&apos;s QR code or type its code here to redeem it.</source>
        <translation>扫描兑换券的二维码，或在此输入券码，即可兑换。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="72"/>
        <source>Create your shop</source>
        <translation>创建店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="80"/>
        <source>Welcome to Voucher Shop</source>
        <translation>欢迎使用 Voucher Shop</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="81"/>
        <source>Create your shop. You will be its owner and can add clerks later.</source>
        <translation>创建您的店铺。您将成为店主，之后可以添加店员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="111"/>
        <source>e.g. Sunny Car Wash</source>
        <translation>例如：阳光洗车</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="119"/>
        <source>The name you will log in with</source>
        <translation>登录时使用的名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="122"/>
        <source>At least {minimum} characters</source>
        <translation>至少 {minimum} 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="132"/>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="133"/>
        <source>Currency:</source>
        <translation>货币：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="134"/>
        <source>Owner name:</source>
        <translation>店主名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="135"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="139"/>
        <source>Repeat password:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="174"/>
        <source>Keep the owner password safe. The shop is encrypted: without an operator&apos;s password nobody can open it, not even with its files.</source>
        <translation>请妥善保管店主密码。店铺数据已加密：没有操作员密码，任何人都无法打开，即使拿到数据文件也不行。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="176"/>
        <source>Shop folder: {folder}</source>
        <translation>店铺文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="271"/>
        <source>12 or more characters mixing letters, digits and symbols are much harder to guess.</source>
        <translation>使用 12 个以上字符，并混合字母、数字和符号，会难猜得多。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="186"/>
        <source>Creating the encrypted shop…</source>
        <translation>正在创建加密店铺…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="195"/>
        <source>Create shop</source>
        <translation>创建店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="199"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="259"/>
        <source>Too short</source>
        <translation>太短</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="259"/>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="259"/>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="259"/>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="260"/>
        <source>Strong</source>
        <translation>强</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../desktop_app/cli.py" line="76"/>
        <source>No terminal to ask on: set SHOP_OPERATOR and SHOP_PASSWORD.</source>
        <translation>没有可供输入的终端：请设置 SHOP_OPERATOR 和 SHOP_PASSWORD。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="82"/>
        <source>Operator: </source>
        <translation>操作员：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="85"/>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="93"/>
        <source>New password for {name}: </source>
        <translation>{name} 的新密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="94"/>
        <source>Type it again: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="114"/>
        <source>Owner name: </source>
        <translation>店主名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="121"/>
        <source>Created the shop “{shop}” in {path}.</source>
        <translation>已在 {path} 创建店铺“{shop}”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="131"/>
        <source>Added operator {name} ({role}).</source>
        <translation>已添加操作员 {name}（{role}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="153"/>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="171"/>
        <source>Imported {imported} card keys; refused {duplicate} duplicate, {blank} blank and {malformed} malformed lines.</source>
        <translation>已导入 {imported} 个卡密；拒绝了 {duplicate} 行重复、{blank} 行空白和 {malformed} 行格式错误。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="182"/>
        <source>expected PRODUCT_ID[:QTY], got {text!r}</source>
        <translation>应为 PRODUCT_ID[:QTY]，实际为 {text!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="212"/>
        <source>Paid; this order has no vouchers.</source>
        <translation>已付款；此订单没有兑换券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="220"/>
        <source>Refunded order {order}: {voided} vouchers void.</source>
        <translation>已退款订单 {order}：{voided} 张兑换券作废。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="246"/>
        <source>State: {state}, uses left {left} of {total}</source>
        <translation>状态：{state}，剩余 {left}/{total} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="307"/>
        <source>Issued {count} vouchers (order {order}); written to {out}.</source>
        <translation>已发放 {count} 张兑换券（订单 {order}），已写入 {out}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="317"/>
        <source>uses left {left}</source>
        <translation>剩余 {left} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="319"/>
        <source>last by {who} at {when}</source>
        <translation>最近一次：{who}，{when}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="345"/>
        <source>Wrote {rows} redemption records to {out}.</source>
        <translation>已将 {rows} 条兑换记录写入 {out}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="361"/>
        <source>The database and its audit chain are intact.</source>
        <translation>数据库及其审计链完好。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="372"/>
        <source>not a number: {text}</source>
        <translation>不是数字：{text}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="375"/>
        <source>must be 1 or more</source>
        <translation>必须大于或等于 1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="383"/>
        <source>expected a date as YYYY-MM-DD, got {text!r}</source>
        <translation>日期格式应为 YYYY-MM-DD，实际为 {text!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="390"/>
        <source>print one JSON object on stdout</source>
        <translation>在标准输出打印一个 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="392"/>
        <location filename="../../desktop_app/cli.py" line="498"/>
        <source>the shop&apos;s folder</source>
        <translation>店铺文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="406"/>
        <source>create a new encrypted shop</source>
        <translation>创建新的加密店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="410"/>
        <source>operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="412"/>
        <source>add an operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="416"/>
        <source>products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="418"/>
        <source>add a product</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="425"/>
        <source>list products with stock</source>
        <translation>列出商品及库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="426"/>
        <source>include archived</source>
        <translation>包括已归档的</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="428"/>
        <source>card keys</source>
        <translation>卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="430"/>
        <source>import card keys</source>
        <translation>导入卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="434"/>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="436"/>
        <source>create an unpaid order</source>
        <translation>创建未付款订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="441"/>
        <source>take payment, issue vouchers</source>
        <translation>收款并发放兑换券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="445"/>
        <source>refund an order</source>
        <translation>订单退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="447"/>
        <source>list orders</source>
        <translation>列出订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="450"/>
        <source>vouchers</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="452"/>
        <source>state and history</source>
        <translation>状态和历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="454"/>
        <source>write the QR image (.png) or the printable voucher (.pdf)</source>
        <translation>生成二维码图片（.png）或可打印的兑换券（.pdf）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="457"/>
        <source>FILE.png or FILE.pdf</source>
        <translation>FILE.png 或 FILE.pdf</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="459"/>
        <source>paper of the PDF: A4 sheet or 58/80 mm receipt</source>
        <translation>PDF 纸张：A4 纸或 58/80 毫米小票</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="460"/>
        <source>issue many paid vouchers at once as one batch order</source>
        <translation>作为一个批量订单，一次发放多张已付款兑换券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="464"/>
        <source>FILE.csv (codes and payloads) or FILE.pdf (a sheet of vouchers)</source>
        <translation>FILE.csv（券码和二维码内容）或 FILE.pdf（整页兑换券）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="468"/>
        <source>export records</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="470"/>
        <source>every redemption attempt, as CSV</source>
        <translation>所有兑换尝试，CSV 格式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="472"/>
        <source>FILE.csv</source>
        <translation>FILE.csv</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="474"/>
        <source>first day, YYYY-MM-DD local time</source>
        <translation>起始日期，YYYY-MM-DD，本地时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="476"/>
        <source>last day, YYYY-MM-DD local time (included)</source>
        <translation>结束日期，YYYY-MM-DD，本地时间（含当天）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="478"/>
        <source>redeem one use</source>
        <translation>兑换一次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="482"/>
        <source>QR payloads found in image files</source>
        <translation>识别图片文件中的二维码内容</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="485"/>
        <source>check the database and audit chain</source>
        <translation>检查数据库和审计链</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="497"/>
        <location filename="../../desktop_app/selftest.py" line="75"/>
        <source>Voucher Shop: sell, print and redeem QR vouchers.</source>
        <translation>用 Voucher Shop 出售、打印和兑换二维码兑换券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="500"/>
        <source>language of the interface</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="502"/>
        <source>open the demo shop in its own folder</source>
        <translation>在单独的文件夹中打开演示店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="504"/>
        <source>check that this install works, then exit</source>
        <translation>检查本安装能否正常工作，然后退出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli.py" line="558"/>
        <source>Unexpected error; details are in the log file.</source>
        <translation>发生意外错误；详情见日志文件。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop_app/messages.py" line="24"/>
        <source>Something went wrong. The details were written to the log file.</source>
        <translation>出错了。详情已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="26"/>
        <source>There is no shop in the folder {path} yet. Create a shop, or start Voucher Shop with the folder that holds your shop.</source>
        <translation>文件夹 {path} 中还没有店铺。请创建店铺，或用存放您店铺的文件夹启动 Voucher Shop。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="29"/>
        <source>A shop already exists in the folder {path}. Log in to it instead, or choose an empty folder for a new shop.</source>
        <translation>文件夹 {path} 中已经有一个店铺。请直接登录，或为新店铺选择一个空文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="32"/>
        <source>The folder {path} is on a network share. The shop&apos;s database (SQLite with a write-ahead log) needs the locking of a local disk and can be damaged on a network drive. Choose a folder on this computer&apos;s own disk. For several counters sharing one shop, use a PostgreSQL server instead of a shared file.</source>
        <translation>文件夹 {path} 位于网络共享上。店铺数据库（使用预写日志的 SQLite）需要本地磁盘的文件锁，放在网络驱动器上可能损坏。请选择本机磁盘上的文件夹。如需多个收银台共用一个店铺，请使用 PostgreSQL 服务器，而不是共享文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="37"/>
        <source>The folder {path} cannot be used ({reason}). Check that it exists and that you may write to it, or choose another folder.</source>
        <translation>无法使用文件夹 {path}（{reason}）。请检查它是否存在、您是否有写入权限，或选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="40"/>
        <source>Wrong password. Check Caps Lock and the keyboard language, then try again.</source>
        <translation>密码错误。请检查大写锁定键和键盘输入法，然后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="42"/>
        <location filename="../../desktop_app/messages.py" line="45"/>
        <source>There is no operator named “{operator}” in this shop. Check the spelling, or ask the owner to add you.</source>
        <translation>本店没有名为“{operator}”的操作员。请检查拼写，或请店主添加您。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="48"/>
        <source>The operator “{operator}” has been disabled. Ask the shop owner to enable it again.</source>
        <translation>操作员“{operator}”已被停用。请联系店主重新启用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="51"/>
        <source>Too many wrong passwords for this operator. Wait a few minutes, then try again, or ask the owner to reset the password.</source>
        <translation>该操作员密码错误次数过多。请等几分钟再试，或请店主重置密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="54"/>
        <source>The key file of this shop ({path}) is damaged, so nobody can unlock the shop. Restore your latest backup, which includes the key file. Do not create a new shop over it.</source>
        <translation>本店的密钥文件（{path}）已损坏，任何人都无法解锁店铺。请恢复最近的备份（备份中包含密钥文件）。不要在此处新建店铺覆盖它。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="58"/>
        <source>The shop&apos;s database ({path}) is damaged or is not a Voucher Shop database. Restore your latest backup, and keep the damaged file: do not delete it.</source>
        <translation>店铺数据库（{path}）已损坏，或不是 Voucher Shop 的数据库。请恢复最近的备份，并保留损坏的文件，不要删除。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="61"/>
        <source>Another program is using the shop file: another copy of Voucher Shop, a backup tool or an antivirus scan. Close it, then try again.</source>
        <translation>另一个程序正在使用店铺文件：可能是另一个 Voucher Shop、备份工具或杀毒软件扫描。请关闭它，然后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="64"/>
        <source>The disk is full. Nothing already saved was lost, but the last change was not saved. Free some disk space, then do it again.</source>
        <translation>磁盘已满。已保存的数据没有丢失，但最后一次修改未能保存。请清理一些磁盘空间，然后重新操作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="67"/>
        <source>This installation lacks the encryption library, so the shop cannot be opened safely. Reinstall Voucher Shop.</source>
        <translation>本安装缺少加密库，无法安全地打开店铺。请重新安装 Voucher Shop。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="70"/>
        <source>This shop was saved by a newer version of Voucher Shop. Install that version or a later one to open it.</source>
        <translation>此店铺由更新版本的 Voucher Shop 保存。请安装该版本或更新的版本后再打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="73"/>
        <source>Only the shop owner may do this. Ask the owner to log in and do it.</source>
        <translation>只有店主可以执行此操作。请店主登录后操作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="75"/>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="76"/>
        <source>{what} not found. It may have been removed, or the number is wrong.</source>
        <translation>找不到该{what}。它可能已被删除，或编号有误。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="78"/>
        <source>Not enough stock of “{product}”: {available} left, {wanted} wanted. Restock it or sell fewer.</source>
        <translation>“{product}”库存不足：剩余 {available}，需要 {wanted}。请补货或减少数量。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="81"/>
        <source>This cannot be done now: the {what} is {state}. Refresh the list and check it.</source>
        <translation>现在无法执行：该{what}{state}。请刷新列表后检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="84"/>
        <source>This backup file fails its check, so nothing was restored and the shop is unchanged. Choose another backup.</source>
        <translation>此备份文件未通过校验，未恢复任何内容，店铺保持不变。请选择其他备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="91"/>
        <source>The backup file {path} cannot be read. Check that it is still there and that you may open it.</source>
        <translation>无法读取备份文件 {path}。请检查它是否还在、您是否有权限打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="94"/>
        <source>The file {path} is not a Voucher Shop backup. Nothing was restored.</source>
        <translation>文件 {path} 不是 Voucher Shop 备份，未恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="96"/>
        <source>The backup file {path} is damaged or incomplete, so nothing was restored and the shop is unchanged. Use another backup.</source>
        <translation>备份文件 {path} 已损坏或不完整，未恢复任何内容，店铺保持不变。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="99"/>
        <source>The backup {path} belongs to another shop, so it was not restored here.</source>
        <translation>备份 {path} 属于另一个店铺，因此没有在这里恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="106"/>
        <source>The shop&apos;s records are older than the last ones saved on this computer: an old copy of the database may have been put back. Ask the owner to check the shop (verify) and compare it with the latest backup.</source>
        <translation>店铺记录比本机上次保存的还旧：可能有人放回了数据库的旧副本。请店主检查店铺（校验），并与最近的备份核对。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="110"/>
        <source>The file that vouches for the shop&apos;s records is missing, so a rollback of the database cannot be ruled out. Ask the owner to check the shop (verify).</source>
        <translation>用于核验店铺记录的文件丢失，无法排除数据库被回退的可能。请店主检查店铺（校验）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="113"/>
        <source>The file that vouches for the shop&apos;s records is damaged, so a rollback of the database cannot be ruled out. Ask the owner to check the shop (verify).</source>
        <translation>用于核验店铺记录的文件已损坏，无法排除数据库被回退的可能。请店主检查店铺（校验）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="117"/>
        <source>The shop&apos;s records could not be vouched for. Ask the owner to check the shop (verify).</source>
        <translation>无法核验店铺记录。请店主检查店铺（校验）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="123"/>
        <source>Not enough stock. Restock the product or sell fewer.</source>
        <translation>库存不足。请补货或减少数量。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="125"/>
        <source>This cannot be done in its current state. Refresh the list and check it.</source>
        <translation>当前状态下无法执行此操作。请刷新列表后检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="127"/>
        <source>Not found. It may have been removed, or the number is wrong.</source>
        <translation>找不到。它可能已被删除，或编号有误。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="131"/>
        <source>Something went wrong, and the last action may not have finished. The details were written to the log file. If it happens again, restart Voucher Shop.</source>
        <translation>出错了，上一步操作可能没有完成。详情已写入日志文件。如果再次出现，请重新启动 Voucher Shop。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="137"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="138"/>
        <source>Too short: use at least {minimum} characters.</source>
        <translation>太短：至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="139"/>
        <source>Too long: use at most {maximum} characters.</source>
        <translation>太长：最多 {maximum} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="140"/>
        <source>Use at most 64 characters, without line breaks or control characters.</source>
        <translation>最多 64 个字符，不能包含换行或控制字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="142"/>
        <source>Already taken. Choose another name.</source>
        <translation>已被使用，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="143"/>
        <source>Choose one of: {choices}.</source>
        <translation>请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="144"/>
        <source>Not a number.</source>
        <translation>不是有效的数字。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="145"/>
        <source>Cannot be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="146"/>
        <source>Use at most two decimal places.</source>
        <translation>最多两位小数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="147"/>
        <source>Too large.</source>
        <translation>数值过大。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="148"/>
        <source>Must be between {low} and {high}.</source>
        <translation>必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="149"/>
        <source>Card-key products count their stock from imported keys; leave it empty.</source>
        <translation>卡密商品的库存按已导入的卡密计算，请留空。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="151"/>
        <source>Must be later than the start.</source>
        <translation>必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="152"/>
        <source>This product does not sell card keys.</source>
        <translation>此商品不是卡密商品。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="153"/>
        <source>This product is archived and no longer sold.</source>
        <translation>此商品已归档，不再出售。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="154"/>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="155"/>
        <source>Use a three-letter currency code, like CNY.</source>
        <translation>请使用三个字母的货币代码，例如 CNY。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="156"/>
        <source>Use a file name ending in {allowed}.</source>
        <translation>文件名须以 {allowed} 结尾。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="157"/>
        <source>The folder {path} does not exist.</source>
        <translation>文件夹 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="158"/>
        <source>Only service products (passes, gift cards) can be issued in a batch.</source>
        <translation>只有服务类商品（次卡、礼品卡）可以批量发放。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="160"/>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="161"/>
        <source>The file is not UTF-8 text. Save it as UTF-8 (for a spreadsheet: CSV UTF-8) and try again.</source>
        <translation>该文件不是 UTF-8 文本。请另存为 UTF-8（表格软件中选“CSV UTF-8”）后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="165"/>
        <source>Not accepted.</source>
        <translation>无效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="169"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="170"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="171"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="172"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="173"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="174"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="175"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="176"/>
        <source>Uses per voucher</source>
        <translation>每张券可用次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="177"/>
        <source>Valid for (days)</source>
        <translation>有效天数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="178"/>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="179"/>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="180"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="181"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="182"/>
        <source>Items</source>
        <translation>商品明细</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="183"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="184"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="185"/>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="186"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="187"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="188"/>
        <source>Voucher code</source>
        <translation>券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="189"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="190"/>
        <source>Output file</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="191"/>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="192"/>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="197"/>
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="198"/>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="199"/>
        <source>voucher</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="200"/>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="201"/>
        <source>card key</source>
        <translation>卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="202"/>
        <source>redemption</source>
        <translation>兑换记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="203"/>
        <source>backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="208"/>
        <source>unpaid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="209"/>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="210"/>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="211"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="212"/>
        <source>already undone</source>
        <translation>已被撤销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="213"/>
        <source>not one that can be undone</source>
        <translation>不可撤销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="214"/>
        <source>the shop&apos;s last owner</source>
        <translation>是店铺唯一的店主</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/messages.py" line="281"/>
        <source>Too many wrong passwords. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>密码错误次数过多。请等待 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/messages.py" line="284"/>
        <source>Too many wrong passwords. Wait %n minute(s), then try again, or ask the owner to reset the password.</source>
        <translation>
            <numerusform>密码错误次数过多。请等待 %n 分钟后重试，或请店主重置密码。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../desktop_app/printing.py" line="242"/>
        <source>{left} of {total} uses left</source>
        <translation>剩余 {left}/{total} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing.py" line="245"/>
        <source>1 use</source>
        <translation>可用 1 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing.py" line="246"/>
        <source>{count} uses</source>
        <translation>可用 {count} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing.py" line="255"/>
        <source>Valid from {start}, no expiry</source>
        <translation>{start} 起有效，长期有效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing.py" line="256"/>
        <source>No expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing.py" line="259"/>
        <source>Valid {start} to {end}</source>
        <translation>有效期 {start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing.py" line="260"/>
        <source>Valid until {date}</source>
        <translation>有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing.py" line="264"/>
        <source>Order {order} · issued {date}</source>
        <translation>订单 {order} · {date} 发放</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing.py" line="269"/>
        <source>Voucher code</source>
        <translation>券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing.py" line="273"/>
        <source>Card key</source>
        <translation>卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing.py" line="277"/>
        <source>Show the QR code, or tell the code, at the counter.</source>
        <translation>在柜台出示二维码，或报出券码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing.py" line="668"/>
        <source>Vouchers</source>
        <translation>兑换券</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../desktop_app/messages.py" line="320"/>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages.py" line="321"/>
        <source>Clerk</source>
        <translation>店员</translation>
    </message>
</context>
</TS>
