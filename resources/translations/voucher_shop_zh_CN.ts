<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddOperatorDialog</name>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="279"/>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="314"/>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="320"/>
        <source>Add operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="288"/>
        <source>The name they log in with</source>
        <translation>登录账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="300"/>
        <source>Name:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="301"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="302"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="302"/>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="309"/>
        <source>A clerk works the Redemption tab and sees only their own redemptions. An owner can do everything, including managing operators and backups.</source>
        <translation>核销员只使用“核销”页，只能看到自己的核销记录。店主可以做所有事，包括管理操作员和备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="315"/>
        <source>Everyone at the counter gets their own name and password, so the records say who did what.</source>
        <translation>每位员工都有自己的账号和密码，记录里就能看出是谁做了什么。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="320"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AmountPanel</name>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="79"/>
        <source>Gift card amount</source>
        <translation>礼品卡金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="133"/>
        <source>{typed} was taken out of the gift card amount box: no gift card was scanned for it. Type the amount again when the card is in hand.</source>
        <translation>{typed} 已从礼品卡金额框中清除：没有扫描礼品卡。拿到卡后请重新输入金额。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="150"/>
        <source>Now scan the gift card.</source>
        <translation>现在请扫描礼品卡。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="159"/>
        <source>Not an amount: that looks like a payment code. Type the amount to spend, press Enter, then scan the gift card.</source>
        <translation>这不是金额：看起来是付款码。请输入要消费的金额，按回车，再扫礼品卡。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="179"/>
        <source>Nothing redeemed: {typed} is not a voucher code. For a gift card, type the amount in the box on the left, press Enter, then scan the card.</source>
        <translation>未核销：{typed} 不是券码。礼品卡请在左边的框里输入金额，按回车，再扫卡。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="188"/>
        <source>Nothing redeemed: {typed} is not a voucher code. {amount} is now in the gift card amount box on the left for 20 seconds: scan the gift card to spend it.</source>
        <translation>未核销：{typed} 不是券码。{amount} 已填入左边的礼品卡金额框，保留 20 秒：扫礼品卡即可扣款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="206"/>
        <source>For a gift card: type the amount, press Enter, scan.</source>
        <translation>礼品卡：输入金额，按回车，再扫码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="245"/>
        <source>The amount was cleared: wait for the counter to find out whether the card was charged.</source>
        <translation>金额已清空：请等待本收银台查明这张卡是否已扣款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="264"/>
        <source>Type the amount for this card and press Enter.</source>
        <translation>请输入这张卡要消费的金额，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="272"/>
        <source>The amount was cleared: scan the voucher again.</source>
        <translation>金额已清除：请再扫一次卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="279"/>
        <source>The amount was cleared: nothing was spent. Type it again for the next card.</source>
        <translation>金额已清除：未消费任何金额。下一张卡请重新输入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="253"/>
        <location filename="../../desktop_app/ui/counter/amount_panel.py" line="282"/>
        <source>Balance {amount}</source>
        <translation>余额 {amount}</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="87"/>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="95"/>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="96"/>
        <source>Every change to the shop: who, when and what. Each entry is chained to the one before, so a deleted or altered entry shows when the database is verified.</source>
        <translation>店铺的每一项更改：谁、何时、做了什么。每条记录都与前一条环环相扣，删除或篡改任何一条，校验数据库时都会发现。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="119"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="126"/>
        <source>All operators</source>
        <translation>全部操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="129"/>
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="133"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="137"/>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="138"/>
        <source>Event:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="139"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="140"/>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="154"/>
        <source>Load older events</source>
        <translation>加载更早的事件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="157"/>
        <source>Verify database…</source>
        <translation>校验数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="159"/>
        <source>Check the database file, the audit log&apos;s chain and the record kept beside it</source>
        <translation>检查数据库文件、操作日志链，以及保存在数据库旁的核验记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="162"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="277"/>
        <source>The newest {count} events shown</source>
        <translation>已显示最新的 {count} 条事件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="279"/>
        <source>{count} events</source>
        <translation>共 {count} 条事件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_dialog.py" line="281"/>
        <source>No events match these filters.</source>
        <translation>没有符合这些筛选条件的事件。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="367"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="368"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="369"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="370"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="371"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>BackupBusyLine</name>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_controller.py" line="86"/>
        <source>Writing the backup…</source>
        <translation>正在写入备份…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_controller.py" line="87"/>
        <source>Writing the backup to {path}</source>
        <translation>正在写入备份：{path}</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_controller.py" line="229"/>
        <source>Back up the shop</source>
        <translation>备份店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_controller.py" line="269"/>
        <source>Backup written to {path} ({size}).
Keep it on another disk or a USB stick, away from this computer.</source>
        <translation>备份已写入 {path}（{size}）。
请把它存放在另一块磁盘或U盘上，远离这台电脑。</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="54"/>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="90"/>
        <source>Backup settings</source>
        <translation>备份设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="63"/>
        <source>A folder on a USB stick or another disk</source>
        <translation>U盘或另一块磁盘上的文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="73"/>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="75"/>
        <source>Last successful automatic backup:</source>
        <translation>上次成功的自动备份：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="66"/>
        <source>Back up automatically</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="67"/>
        <source>When the app closes, at log out, and once a day.</source>
        <translation>在关闭程序、退出登录时，以及每天一次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="82"/>
        <source>Automatic backups are made when the app closes, at log out, and once a day. Backups are encrypted: opening one needs an owner&apos;s password. Keep them off this computer&apos;s disk, which could fail or be stolen with the shop. The newest backup of each of the last 7 days and of the 4 weeks before is kept; older ones are removed.</source>
        <translation>自动备份在关闭程序、退出登录时以及每天一次进行。备份已加密：打开备份需要店主密码。请勿将备份放在本电脑的硬盘上，它可能损坏，或与店铺数据一起被盗。保留最近 7 天每天最新的一份备份，以及此前 4 周每周最新的一份；更早的备份会被删除。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="91"/>
        <source>Automatic backups keep the shop safe from a broken disk or a lost computer.</source>
        <translation>自动备份让店铺数据不怕磁盘损坏或电脑丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="96"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="120"/>
        <source>Choose a folder for automatic backups.</source>
        <translation>请为自动备份选择一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="126"/>
        <source>This folder is not there now. Plug in the USB stick or disk, or choose another folder; until then automatic backups fail with a warning.</source>
        <translation>此文件夹现在不存在。请插上U盘或磁盘，或选择其他文件夹；在此之前，自动备份会失败并发出警告。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="130"/>
        <source>This folder&apos;s disk has {free} free; a backup of this shop takes about {needed}. Free some space there or choose another folder: until then automatic backups fail with a warning.</source>
        <translation>此文件夹所在磁盘仅剩 {free}，而本店一次备份约需 {needed}。请在该磁盘上腾出空间或另选文件夹；在此之前，自动备份会失败并显示警告。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="136"/>
        <source>This folder is on the same disk as the shop: if the disk fails, both are lost. A USB stick or another disk is safer.</source>
        <translation>此文件夹与店铺在同一块磁盘上：磁盘一旦损坏，两者都会丢失。使用U盘或另一块磁盘更安全。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_settings_dialog.py" line="150"/>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="59"/>
        <source>New batch</source>
        <translation>批量发券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="71"/>
        <source>Loading products…</source>
        <translation>正在加载商品…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="86"/>
        <source>Free</source>
        <translation>免费</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="87"/>
        <source>Give these vouchers away: booked at 0</source>
        <translation>免费赠送这些卡券：按 0 元入账</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="94"/>
        <source>Optional, e.g. spring promotion</source>
        <translation>选填，例如：春季促销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="97"/>
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="98"/>
        <source>Vouchers:</source>
        <translation>卡券数量：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="99"/>
        <source>Price each:</source>
        <translation>单价：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="100"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="107"/>
        <source>Issue</source>
        <translation>发券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="107"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="115"/>
        <source>Issuing books the batch as one paid order (payment: Other) and makes its vouchers at once; the new order is then selected in the list, to save or print all of its vouchers.</source>
        <translation>发券后，这批卡券记为一张已付款订单（付款方式：其他）并立即生成；随后在订单列表中选中这张新订单，可一次保存或打印它的全部卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="128"/>
        <source>A product&apos;s barcode is not read here: choose the product from the list.</source>
        <translation>这里不读取商品条码：请从列表中选择商品。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="140"/>
        <source>No service or gift card on sale: add one in the Inventory tab</source>
        <translation>没有在售的服务或礼品卡商品：请先在“库存”页添加</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="173"/>
        <source>Price each: {problem}</source>
        <translation>单价：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="176"/>
        <source>Only {stock} of “{product}” in stock.</source>
        <translation>“{product}”库存只有 {stock}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="188"/>
        <source>{stock} in stock</source>
        <translation>库存 {stock}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="191"/>
        <source>Issue 1 voucher</source>
        <translation>发 1 张卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="192"/>
        <source>Issue {count} vouchers</source>
        <translation>发 {count} 张卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="202"/>
        <source>each card carries {value}</source>
        <translation>每张卡面值 {value}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="208"/>
        <source>Free: 1 voucher given away, booked as no revenue.</source>
        <translation>免费：赠送 1 张卡券，不计入营收。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="209"/>
        <source>Free: {count} vouchers given away, booked as no revenue.</source>
        <translation>免费：赠送 {count} 张卡券，不计入营收。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/batch_dialog.py" line="211"/>
        <source>Total: {total} ({count} × {price})</source>
        <translation>合计：{total}（{count} × {price}）</translation>
    </message>
</context>
<context>
    <name>BusyRow</name>
    <message>
        <location filename="../../desktop_app/ui/session/busy_row.py" line="47"/>
        <source>Upgrading the shop&apos;s data for this version of the app. This is done once and can take a few minutes on a shop with a long history; other counters can log in again when it is done.</source>
        <translation>正在为此版本升级店铺数据。只需升级一次，历史记录多的店铺可能需要几分钟；完成后其他收银台即可再次登录。</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_view.py" line="134"/>
        <source>No camera found. Check that it is plugged in, or choose another one.</source>
        <translation>未找到摄像头。请检查是否已连接，或选择其他摄像头。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_view.py" line="136"/>
        <source>The camera is in use by another program. Close that program, then switch the camera on again.</source>
        <translation>摄像头正被其他程序占用。请关闭该程序，然后重新打开摄像头。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_view.py" line="139"/>
        <source>This computer&apos;s user may not use the camera. Ask whoever looks after this computer to allow it.</source>
        <translation>当前电脑用户无权使用摄像头。请联系这台电脑的管理员开通权限。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_view.py" line="142"/>
        <source>The camera stopped sending pictures. Check its cable, then switch it on again.</source>
        <translation>摄像头已停止传送画面。请检查连接线，然后重新打开摄像头。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_view.py" line="145"/>
        <source>No QR decoder is installed, so the camera cannot read codes. Reinstall Voucher Shop.</source>
        <translation>未安装二维码识别组件，摄像头无法识别券码。请重新安装 Voucher Shop。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_view.py" line="149"/>
        <source>The scanner and typed codes still work.</source>
        <translation>扫码枪和手动输入仍可正常使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_view.py" line="156"/>
        <source>{problem} {still_works}</source>
        <translation>{problem}{still_works}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="123"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="125"/>
        <source>Read QR codes with the webcam</source>
        <translation>用摄像头识别二维码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="133"/>
        <source>Look for cameras again</source>
        <translation>重新查找摄像头</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="143"/>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="258"/>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="304"/>
        <source>Camera off</source>
        <translation>摄像头已关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="187"/>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="211"/>
        <source>No camera found</source>
        <translation>未找到摄像头</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="205"/>
        <source>File: {name}</source>
        <translation>文件：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="209"/>
        <source>Camera {number}</source>
        <translation>摄像头 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="248"/>
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="296"/>
        <source>Several codes in view: show one voucher at a time.</source>
        <translation>画面中有多个码：请一次只出示一张卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/camera_panel.py" line="298"/>
        <source>The camera sees a code that is not a voucher.</source>
        <translation>摄像头看到一个不是卡券的码。</translation>
    </message>
</context>
<context>
    <name>CardKeyDialog</name>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="99"/>
        <source>Card keys: {product}</source>
        <translation>卡密：{product}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="102"/>
        <source>Keys</source>
        <translation>卡密列表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="103"/>
        <source>Import keys</source>
        <translation>导入卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="132"/>
        <source>Find a key or #order</source>
        <translation>查找卡密或 #订单号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="134"/>
        <source>Type the first or last characters of the key as the list shows them, the whole key, or the number of the order it was sold on</source>
        <translation>输入列表中显示的卡密开头或结尾几位、完整卡密，或售出它的订单号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="144"/>
        <source>All keys</source>
        <translation>全部卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="149"/>
        <source>Mark faulty…</source>
        <translation>标记为失效…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="150"/>
        <source>The key does not work: take it out of stock, or flag it on the order it was sold on</source>
        <translation>卡密失效：未售出的移出库存，已售出的在原订单上标记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="153"/>
        <source>Replace on order</source>
        <translation>在订单上更换</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="154"/>
        <source>Give the customer an unsold key in place of this faulty one</source>
        <translation>用一个未售出的卡密换下顾客手里这个失效的卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="157"/>
        <source>Put back on sale…</source>
        <translation>重新上架…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="158"/>
        <source>A key returned by a refund that the customer did not use: sell it again</source>
        <translation>退款退回且顾客未使用的卡密：重新出售</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="171"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="174"/>
        <source>Keys are shown masked. The customer&apos;s voucher shows the key in full.</source>
        <translation>卡密已打码显示。完整卡密只显示在顾客的卡券上。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="194"/>
        <source>Low-stock warning switched off.</source>
        <translation>已关闭低库存提醒。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="197"/>
        <source>Low-stock warning set: the status bar warns at {threshold} unsold keys or fewer.</source>
        <translation>已设置低库存提醒：未售卡密不多于 {threshold} 个时，状态栏会提醒。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="222"/>
        <source>{unsold} unsold · {sold} sold · {returned} returned · {faulty} faulty</source>
        <translation>未售 {unsold} · 已售 {sold} · 已退回 {returned} · 失效 {faulty}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="261"/>
        <source>No key found. Type the first or last characters of the key as the list shows them, the whole key, or #order number.</source>
        <translation>未找到卡密。请输入列表中显示的卡密开头或结尾几位、完整卡密，或 #订单号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="264"/>
        <source>No key in this state.</source>
        <translation>没有这个状态的卡密。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="266"/>
        <source>No keys yet. Import them on the “Import keys” page.</source>
        <translation>还没有卡密。请在“导入卡密”页导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="268"/>
        <source>The first {count} keys found are shown: type more of the key.</source>
        <translation>仅显示找到的前 {count} 个卡密：请多输入几位。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="270"/>
        <source>Keys found: {count}</source>
        <translation>找到卡密：{count} 个</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="272"/>
        <source>The newest {count} of {total} shown: scroll down for more.</source>
        <translation>已显示 {total} 个中最新的 {count} 个：向下滚动查看更多。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="301"/>
        <source>Mark key {key} as faulty? It stays on order {order} until you replace it there.</source>
        <translation>将卡密 {key} 标记为失效？在您更换之前，它仍留在订单 {order} 上。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="304"/>
        <source>Mark key {key} as faulty? It will not be sold.</source>
        <translation>将卡密 {key} 标记为失效？它将不会被售出。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="306"/>
        <source>Faulty key</source>
        <translation>失效卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="306"/>
        <source>Mark faulty</source>
        <translation>标记为失效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="313"/>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="318"/>
        <source>Put back on sale</source>
        <translation>重新上架</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="314"/>
        <source>Put key {key} back on sale? It came back with the refund of order {order}, and the customer had it: do this only if you checked that it was not used. Otherwise mark it faulty.</source>
        <translation>将卡密 {key} 重新上架？它随订单 {order} 的退款退回，顾客曾拿到过它：请确认它未被使用后再这样做，否则请标记为失效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="326"/>
        <source>The key is on sale again.</source>
        <translation>卡密已重新上架。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="331"/>
        <source>The key is marked faulty.</source>
        <translation>已将卡密标记为失效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="342"/>
        <source>Order {order} now hands over another key. Show or print its voucher again from the Orders tab.</source>
        <translation>订单 {order} 已换成新的卡密。请在“订单”页重新出示或打印它的卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="371"/>
        <source>Of these, already in stock under another product: {count}.</source>
        <translation>其中已在其他商品库存中：{count} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="173"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="179"/>
        <source>…or paste the keys here: one per line, or CSV rows with the key in the first column (a second column, such as a password, stays with its key; one headed as a note, such as 备注, is left out).</source>
        <translation>……或在此粘贴卡密：每行一个，或 CSV 行且卡密在第一列（第二列如密码会与卡密一起保留；表头为备注等说明的列不导入）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="195"/>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="185"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="187"/>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="325"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="58"/>
        <source>The first row was taken for a header and left out: {header}.</source>
        <translation>第一行被识别为表头，未导入：{header}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="64"/>
        <source>Same card number, different password or other column: {count}. Left out with the duplicates, so that no number is sold twice; ask the supplier which one is right.</source>
        <translation>卡号相同、密码或其他列不同：{count} 个。已与重复项一起排除，避免同一卡号卖出两次；请向供应商确认哪一个正确。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="69"/>
        <source>Keys from rows of several columns: {count}. Each row is kept as one key, its columns joined by “{separator}” (e.g. card number{separator}password), and the customer receives all of it. To import the first column alone, remove the other columns from the file.</source>
        <translation>来自多列行的卡密：{count} 个。每行作为一个卡密保存，各列以“{separator}”连接（例如 卡号{separator}密码），顾客会收到完整内容。若只想导入第一列，请先从文件中删除其他列。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="76"/>
        <source>Already in stock under another product: {count}. These are left out, so that no key is sold twice.</source>
        <translation>已在其他商品库存中：{count} 个。这些不会导入，以免同一卡密被卖两次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="80"/>
        <source>Looks unusual: {count} new keys hold a space and then Chinese text (a note in the key&apos;s own cell?). The customer would receive all of it: check the file.</source>
        <translation>看起来不寻常：{count} 个新卡密含有空格和中文（是否把备注写进了卡密所在的单元格？）。顾客会收到全部内容，请检查文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="85"/>
        <source>Shaped unlike the others: {count} new keys ({keys}), a stray row of the file perhaps: a customer would be sold it as a key. Remove it from the file before importing.</source>
        <translation>与其他卡密格式不同：{count} 个新卡密（{keys}），可能是文件里的多余行：导入后会被当作卡密卖给顾客。请先从文件中删除再导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="102"/>
        <source>line {line} ({masked})</source>
        <translation>第 {line} 行（{masked}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="105"/>
        <source>{reason}: {lines}</source>
        <translation>{reason}：{lines}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="109"/>
        <source>and {count} more</source>
        <translation>另有 {count} 行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="111"/>
        <source>Lines refused as no key — {groups}.</source>
        <translation>未被当作卡密的行 — {groups}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="120"/>
        <source>Columns kept in each key: {kept}.</source>
        <translation>每个卡密保留的列：{kept}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="122"/>
        <source>Columns kept in each key: {kept}; left out: {ignored}.</source>
        <translation>每个卡密保留的列：{kept}；不导入：{ignored}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="131"/>
        <source>{low} to {high} characters</source>
        <translation>{low} 至 {high} 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="134"/>
        <source>at least {low} characters</source>
        <translation>至少 {low} 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="137"/>
        <source>at most {high} characters</source>
        <translation>最多 {high} 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="142"/>
        <source>digits</source>
        <translation>纯数字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="143"/>
        <source>capital letters and digits</source>
        <translation>大写字母和数字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="144"/>
        <source>letters and digits</source>
        <translation>字母和数字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="147"/>
        <source>This product sets no key pattern: a line of {low} or more characters with a letter or digit in it counts as a key. To catch stray lines, edit the product and set one.</source>
        <translation>此商品未设卡密格式：凡 {low} 个字符以上、含字母或数字的行都算作卡密。要挡住无关的行，请编辑商品并设定格式。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="152"/>
        <source>Keys of this product: {pattern} (hyphens allowed); other lines count as malformed.</source>
        <translation>本商品的卡密：{pattern}（可含连字符）；不符合的行计为格式错误。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="202"/>
        <source>Text or CSV, UTF-8 or GBK (not an Excel workbook). Duplicates (a card number in the file twice, already imported, or in stock under another product), a header row, blank and malformed lines are left out.</source>
        <translation>文本或 CSV，UTF-8 或 GBK 编码（不支持 Excel 工作簿）。重复的卡密（文件内同一卡号出现两次、已导入、或已在其他商品库存中）、表头行、空行和格式错误的行不会导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="225"/>
        <source>New keys</source>
        <translation>新卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="226"/>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="227"/>
        <source>Under another product</source>
        <translation>在其他商品中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="229"/>
        <source>Blank lines</source>
        <translation>空行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="230"/>
        <source>Malformed</source>
        <translation>格式错误</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="253"/>
        <source>Choose a key file</source>
        <translation>选择卡密文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="257"/>
        <source>Key lists (*.txt *.csv)</source>
        <translation>卡密列表 (*.txt *.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="258"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="317"/>
        <source>First new keys: {keys}</source>
        <translation>前几个新卡密：{keys}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/key_import_page.py" line="324"/>
        <source>Import new keys ({count})</source>
        <translation>导入新卡密（{count} 个）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_dialog.py" line="367"/>
        <source>Keys imported: {count}. Lines left out: {skipped}.</source>
        <translation>已导入卡密：{count} 个。未导入的行：{skipped} 行。</translation>
    </message>
</context>
<context>
    <name>CardLookupDialog</name>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="53"/>
        <source>can be spent now</source>
        <translation>现在可用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="54"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="55"/>
        <source>not valid yet</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="56"/>
        <source>void (refunded)</source>
        <translation>已作废（已退款）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="57"/>
        <source>not paid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="87"/>
        <source>Gift card by phone + PIN</source>
        <translation>电话查询礼品卡（凭 PIN 码）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="93"/>
        <source>For a customer without the card in hand, on the phone or at the counter: find their cards, choose one and ask for its PIN to read its balance or spend from it. The card&apos;s code and QR are never shown here.</source>
        <translation>适用于顾客没带卡（来电或到店）时：先找到顾客的卡，选择一张，再询问其 PIN 码，即可查询余额或从卡中消费。这里不会显示卡的券码和二维码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="114"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="128"/>
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="129"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="132"/>
        <source>The number the customer gives</source>
        <translation>顾客报出的号码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="135"/>
        <source>Find cards</source>
        <translation>查找卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="150"/>
        <source>4 to 6 digits, asked for each look-up and spend</source>
        <translation>4 到 6 位数字，每次查询和消费都需输入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="154"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="158"/>
        <source>The card&apos;s PIN:</source>
        <translation>卡的 PIN 码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="168"/>
        <source>e.g. 30.00</source>
        <translation>例如 30.00</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="172"/>
        <source>Spend with PIN</source>
        <translation>凭 PIN 码消费</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="176"/>
        <source>Amount to spend:</source>
        <translation>消费金额：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="211"/>
        <source>An order number is digits only.</source>
        <translation>订单号只能是数字。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="224"/>
        <source>No gift cards found for this number.</source>
        <translation>没有找到与该号码相关的礼品卡。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="306"/>
        <source>Ask for the card&apos;s PIN: each spend needs it.</source>
        <translation>请询问此卡的 PIN 码：每次消费都需输入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="329"/>
        <source>Spent {amount} from card #{card}. Balance now {balance}.</source>
        <translation>已从卡 #{card} 扣款 {amount}，当前余额 {balance}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="334"/>
        <source>Nothing was spent: the card holds {balance}, less than {amount}.</source>
        <translation>未扣款：卡内余额 {balance}，不足 {amount}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="338"/>
        <source>Nothing was spent: {why}.</source>
        <translation>未扣款：{why}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="348"/>
        <source>Wrong PIN. 1 attempt left before this card&apos;s PIN locks.</source>
        <translation>PIN 错误。再错 1 次，此卡的 PIN 将被锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="351"/>
        <source>Wrong PIN. {left} attempts left before this card&apos;s PIN locks.</source>
        <translation>PIN 码错误。再错 {left} 次，这张卡的 PIN 码将被锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="356"/>
        <source>Too many wrong PINs: this card&apos;s PIN is locked until {time}. The customer can call again later, or come in with the card.</source>
        <translation>PIN 码错误次数过多：这张卡的 PIN 码已锁定至 {time}。顾客可以稍后再来电，或带卡到店。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="367"/>
        <source>That was a scan, not the PIN: it was not tried. Type the PIN the customer gives.</source>
        <translation>刚才是扫码，不是 PIN 码：未作为 PIN 码使用。请输入顾客告知的 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="371"/>
        <source>This card has no PIN: it can be looked up only with the card in hand. An owner can set one below the card&apos;s voucher on the Orders tab.</source>
        <translation>这张卡没有设置 PIN 码：只能凭卡查询。店主可以在“订单”页该卡的卡券下方设置。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="383"/>
        <source>Card #{card}: balance {amount}</source>
        <translation>卡 #{card}：余额 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="385"/>
        <source>valid until {until}</source>
        <translation>有效期至 {until}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="386"/>
        <source>no expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="387"/>
        <source>{product} · order #{order} · {status} · {validity}</source>
        <translation>{product} · 订单 #{order} · {status} · {validity}</translation>
    </message>
</context>
<context>
    <name>CardRefModel</name>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="71"/>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="72"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="73"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="74"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="76"/>
        <source>Sold</source>
        <translation>售出时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="77"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="77"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/card_lookup_dialog.py" line="77"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ClockTexts</name>
    <message>
        <location filename="../../desktop_app/messages/clock_texts.py" line="22"/>
        <source>about {count} minutes</source>
        <translation>约 {count} 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/clock_texts.py" line="23"/>
        <source>about {count} hours</source>
        <translation>约 {count} 小时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/clock_texts.py" line="24"/>
        <source>about {count} days</source>
        <translation>约 {count} 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/clock_texts.py" line="26"/>
        <source>This PC&apos;s clock is {amount} ahead of the shop&apos;s server. The shop&apos;s times follow the server.</source>
        <translation>本机时钟比店铺服务器快{amount}。店铺的时间以服务器为准。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/clock_texts.py" line="29"/>
        <source>This PC&apos;s clock is {amount} behind the shop&apos;s server. The shop&apos;s times follow the server.</source>
        <translation>本机时钟比店铺服务器慢{amount}。店铺的时间以服务器为准。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/clock_texts.py" line="32"/>
        <source>Redemptions, expiry dates and reports use the server&apos;s time, so nothing is recorded wrong. Please set this PC&apos;s date and time (or let it set them automatically).</source>
        <translation>核销、有效期和报表都使用服务器的时间，所以不会记错。请校正本机的日期和时间（或设为自动同步）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/clock_texts.py" line="55"/>
        <source>Please check this PC&apos;s date and time: its clock is {amount} behind the shop&apos;s newest records.</source>
        <translation>请检查这台电脑的日期和时间：它的时钟比店铺最新的记录慢了 {amount}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/clock_texts.py" line="58"/>
        <source>Is this PC&apos;s date right? It is {amount} after the shop&apos;s newest record.</source>
        <translation>这台电脑的日期对吗？它比店铺最新的记录晚了 {amount}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/clock_texts.py" line="60"/>
        <source>A shop kept in a file goes by this PC&apos;s clock for sales, redemptions, expiry dates and reports. Records dated after this PC&apos;s clock were made while it was set ahead, or it is behind now. While it is behind them, expiry dates are judged by the newest record&apos;s time: setting the clock back brings no expired voucher back. If this PC&apos;s date and time are right, vouchers sold while it was ahead can be used from the date they show.</source>
        <translation>保存在本机文件中的店铺，其销售、核销、有效期和报表都以这台电脑的时钟为准。日期晚于这台电脑时钟的记录，是在时钟被调快时写入的，或者电脑现在的时钟慢了。时钟慢于这些记录期间，卡券是否过期按最新记录的时间判断：把时钟调回去，已过期的卡券也不会重新可用。如果这台电脑的日期和时间是正确的，时钟调快期间售出的卡券要从券上显示的日期起才能使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/clock_texts.py" line="66"/>
        <source>A shop kept in a file goes by this PC&apos;s clock for sales, redemptions, expiry dates and reports. If the shop was closed for a while, all is well. If not, please set this PC&apos;s date and time (or let it set them automatically).</source>
        <translation>保存在本机文件中的店铺，其销售、核销、有效期和报表都以这台电脑的时钟为准。如果店铺停业了一段时间，一切正常。否则请设置这台电脑的日期和时间（或让它自动设置）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/clock_texts.py" line="71"/>
        <source>{explanation} Please check this PC&apos;s date and time.</source>
        <translation>{explanation} 请检查这台电脑的日期和时间。</translation>
    </message>
</context>
<context>
    <name>CustomerWindow</name>
    <message>
        <location filename="../../desktop_app/ui/customer/customer_window.py" line="68"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer/customer_window.py" line="188"/>
        <source>and 1 more voucher: ask for it printed or sent</source>
        <translation>另有 1 张卡券：可请店员打印或发送给您</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer/customer_window.py" line="202"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer/customer_window.py" line="231"/>
        <source>Thank you! Photograph your voucher</source>
        <translation>谢谢惠顾！请拍下您的卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer/customer_window.py" line="270"/>
        <source>Balance left {amount}</source>
        <translation>剩余余额 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/customer/customer_window.py" line="190"/>
        <source>and {count} more vouchers: ask for them printed or sent</source>
        <translation>另有 {count} 张卡券：可请店员打印或发送给您</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../../desktop_app/ui/session/demo_panel.py" line="36"/>
        <source>Demo shop: try these operators</source>
        <translation>演示店铺：可用以下操作员试用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/demo_panel.py" line="40"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/demo_panel.py" line="40"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/demo_panel.py" line="41"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/demo_panel.py" line="57"/>
        <source>Click a row to fill in its name and password. The demo shop lives in its own folder and holds sample data only.</source>
        <translation>点击一行即可填入账号和密码。演示店铺存放在单独的文件夹中，只有示例数据。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/demo_panel.py" line="78"/>
        <source>changed in this shop</source>
        <translation>已在本店改过</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/demo_panel.py" line="83"/>
        <source>This password was changed in the demo shop: type the new one.</source>
        <translation>演示店铺里已改过这个密码，请输入新密码。</translation>
    </message>
</context>
<context>
    <name>DetailUndo</name>
    <message>
        <location filename="../../desktop_app/ui/reports/detail_undo.py" line="46"/>
        <source>Undo redemption…</source>
        <translation>撤销核销…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/detail_undo.py" line="100"/>
        <source>Undone: {amount} is back on {code}.</source>
        <translation>已撤销：{amount} 已退回 {code} 卡内。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/detail_undo.py" line="103"/>
        <source>Undone: the use was given back to {code} ({left} left now).</source>
        <translation>已撤销：次数已退回 {code}（现剩余 {left} 次）。</translation>
    </message>
</context>
<context>
    <name>DuplicateKeyNotice</name>
    <message>
        <location filename="../../desktop_app/ui/inventory/duplicate_keys.py" line="43"/>
        <source>Mark the copy faulty…</source>
        <translation>将副本标记为失效…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/duplicate_keys.py" line="44"/>
        <source>Take the second copy of the key out of stock, so that one key is not sold twice</source>
        <translation>把这个卡密的第二份副本移出库存，避免同一卡密卖出两次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/duplicate_keys.py" line="57"/>
        <source>{count} more copies like these.</source>
        <translation>另有 {count} 份类似的副本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/duplicate_keys.py" line="66"/>
        <source>Key {later} (imported {later_at}) is a second copy of key {first} (imported {first_at}): one key, imported in two spellings before this version. Mark key {later} faulty so that it is not sold twice.</source>
        <translation>卡密 {later}（导入于 {later_at}）是卡密 {first}（导入于 {first_at}）的第二份副本：同一个卡密，在本版本之前以两种写法导入。请将卡密 {later} 标记为失效，以免卖出两次。</translation>
    </message>
</context>
<context>
    <name>DuplicateKeyWarning</name>
    <message>
        <location filename="../../desktop_app/ui/inventory/duplicate_keys.py" line="111"/>
        <source>Product {name} has a card key imported twice: mark the copy faulty in its Card keys.</source>
        <translation>商品 {name} 有一个卡密被导入了两次：请在其“卡密”中将副本标记为失效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/duplicate_keys.py" line="114"/>
        <source>Products with a card key imported twice, to mark faulty in their Card keys: {names}</source>
        <translation>以下商品有卡密被导入了两次，请在各自的“卡密”中将副本标记为失效：{names}</translation>
    </message>
</context>
<context>
    <name>ExpiringDialog</name>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="49"/>
        <source>1 use</source>
        <translation>1 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="50"/>
        <source>{count} uses</source>
        <translation>{count} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="57"/>
        <source>customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="58"/>
        <source>Hello {customer}, your {product} from {shop} ({left} left) is valid until {date}. We look forward to seeing you!</source>
        <translation>{customer}您好，您在{shop}购买的{product}（还剩 {left}）有效期至 {date}。期待您的光临！</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="93"/>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="97"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="101"/>
        <source>Only customers with a name or phone</source>
        <translation>只看有姓名或电话的顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="113"/>
        <source>Copy message</source>
        <translation>复制消息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="114"/>
        <source>The selected customer&apos;s reminder, to paste in WeChat, a text message or an e-mail</source>
        <translation>所选顾客的提醒消息，可粘贴到微信、短信或电子邮件中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="117"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="118"/>
        <source>The list with phones in full and each message</source>
        <translation>导出名单，含完整电话号码和每条提醒消息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="120"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="123"/>
        <source>With uses or balance left, expiring within</source>
        <translation>仍有剩余次数或余额，且到期不超过</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="156"/>
        <source>{count} to remind</source>
        <translation>待提醒：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="157"/>
        <source>{count} to remind ({hidden} without a name or phone not shown)</source>
        <translation>待提醒：{count}（另有 {hidden} 张没有姓名或电话，未显示）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="168"/>
        <source>{count} expiring within {days} days, none sold to a customer with a name or phone. Untick &quot;Only customers with a name or phone&quot; to see them.</source>
        <translation>{days} 天内有 {count} 张到期，但都没有登记顾客姓名或电话。取消勾选“只看有姓名或电话的顾客”即可查看。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="171"/>
        <source>Nothing with uses or a balance left expires within {days} days.</source>
        <translation>{days} 天内没有仍有剩余次数或余额的卡券到期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="180"/>
        <source>Message copied.</source>
        <translation>消息已复制。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="183"/>
        <source>Export the reminders</source>
        <translation>导出提醒名单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="185"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="198"/>
        <source>{count} rows written to {file}</source>
        <translation>已将 {count} 行写入 {file}</translation>
    </message>
</context>
<context>
    <name>ExpiringModel</name>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="74"/>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="76"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="77"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="78"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="79"/>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="80"/>
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/expiring_dialog.py" line="81"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="262"/>
        <source>Customer name or phone</source>
        <translation>顾客姓名或电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="265"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="272"/>
        <source>Find vouchers:</source>
        <translation>查找卡券：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="280"/>
        <source>Double-click a voucher to look it up; nothing is used.</source>
        <translation>双击一张卡券即可查询，不扣任何次数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="292"/>
        <source>No voucher of a customer like that.</source>
        <translation>没有找到符合该顾客的卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="301"/>
        <source>A gift card&apos;s code is not shown here: {how}.</source>
        <translation>这里不显示礼品卡的券码：{how}。</translation>
    </message>
</context>
<context>
    <name>GiftCardBox</name>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="44"/>
        <source>Issued</source>
        <translation>发卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="45"/>
        <source>Spent</source>
        <translation>消费</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="46"/>
        <source>Reloaded</source>
        <translation>充值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="47"/>
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="48"/>
        <source>Cashed out</source>
        <translation>提现</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="49"/>
        <source>Expired</source>
        <translation>余额过期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="50"/>
        <source>Spend undone</source>
        <translation>撤销消费</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="190"/>
        <source>Reload…</source>
        <translation>充值…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="192"/>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="287"/>
        <source>Cash out</source>
        <translation>提现</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="194"/>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="254"/>
        <source>Set PIN…</source>
        <translation>设置 PIN 码…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="196"/>
        <source>Remove PIN</source>
        <translation>删除 PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="239"/>
        <source>Balance {amount}</source>
        <translation>余额 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="244"/>
        <source>Pays out a balance of at most {amount} in cash</source>
        <translation>余额不超过 {amount} 时，以现金全额付给顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="254"/>
        <source>Change PIN…</source>
        <translation>修改 PIN 码…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="274"/>
        <source>Reloaded; balance {amount}.</source>
        <translation>已充值，余额 {amount}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="288"/>
        <source>Pay {amount} out in cash for gift card {code} (balance {balance}) and empty it?</source>
        <translation>为礼品卡 {code}（余额 {balance}）付出现金 {amount} 并清空该卡？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="291"/>
        <source>Pay out {amount}</source>
        <translation>付出现金 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="300"/>
        <source>Paid out {amount} in cash.</source>
        <translation>已以现金付出 {amount}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="313"/>
        <source>PIN set.</source>
        <translation>PIN 码已设置。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="322"/>
        <source>PIN removed.</source>
        <translation>PIN 码已删除。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="200"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="233"/>
        <source>History of {code} ({product}): 1 attempt</source>
        <translation>{code}（{product}）的历史：1 条核销记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="235"/>
        <source>History of {code} ({product}): {count} attempts</source>
        <translation>{code}（{product}）的历史：{count} 条核销记录</translation>
    </message>
</context>
<context>
    <name>InventoryTab</name>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="83"/>
        <source>Search products by name</source>
        <translation>按名称搜索商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="87"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="91"/>
        <source>Show archived</source>
        <translation>显示已下架</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="93"/>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="100"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="108"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="110"/>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="222"/>
        <source>Archive</source>
        <translation>下架</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="111"/>
        <source>Archived products are not sold any more; vouchers already sold still work</source>
        <translation>下架的商品不再出售；已售出的卡券仍然有效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="114"/>
        <source>Import card keys…</source>
        <translation>导入卡密…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="116"/>
        <source>Card keys…</source>
        <translation>卡密…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="117"/>
        <source>The keys of this product, masked; mark a key faulty and replace it on its order</source>
        <translation>此商品的卡密（打码显示）；可将卡密标记为失效并在订单上更换</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="170"/>
        <source>On sale: {count}</source>
        <translation>在售：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="172"/>
        <source>out of stock: {count}</source>
        <translation>缺货：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="174"/>
        <source>validity ended: {count}</source>
        <translation>有效期已结束：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="176"/>
        <source>archived: {count}</source>
        <translation>已下架：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="190"/>
        <source>No product matches the search or filter.</source>
        <translation>没有符合搜索或筛选条件的商品。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="192"/>
        <source>Every product is archived. Tick “Show archived” to see them.</source>
        <translation>所有商品都已下架。勾选“显示已下架”即可查看。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="195"/>
        <source>No products yet.
Click “New product” to add your first service pass, gift card, card key or goods.</source>
        <translation>还没有商品。
点击“新建商品”，添加第一个服务、礼品卡、卡密或实物商品。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="221"/>
        <source>Restore</source>
        <translation>重新上架</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="245"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="253"/>
        <source>“{name}” is archived: it is no longer sold. Vouchers already sold still work.</source>
        <translation>“{name}”已下架，不再出售。已售出的卡券仍然有效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/inventory_tab.py" line="254"/>
        <source>“{name}” is on sale again.</source>
        <translation>“{name}”已重新上架。</translation>
    </message>
</context>
<context>
    <name>JoinStation</name>
    <message>
        <location filename="../../desktop_app/ui/session/join_station.py" line="41"/>
        <source>Station name:</source>
        <translation>收银台名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/join_station.py" line="43"/>
        <source>This counter&apos;s name on every redemption made here and in the reports by station. Later only the shop&apos;s owner changes it (Settings → This computer).</source>
        <translation>这个收银台的名称，会记在这里的每次核销上，也用于按收银台的报表。以后只有店主可以修改（设置 → 本机）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/join_station.py" line="90"/>
        <source>Station name in use</source>
        <translation>收银台名称已被使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/join_station.py" line="91"/>
        <source>Another counter has used the name “{station}” in the last {days} days; two PCs with one name are counted as one in reports. Use this name anyway?</source>
        <translation>最近 {days} 天内另一个收银台用过名称“{station}”；两台电脑用同一个名称，在报表中会算作一个收银台。仍然使用这个名称吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/join_station.py" line="94"/>
        <source>Use anyway</source>
        <translation>仍然使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/join_station.py" line="95"/>
        <source>Choose another name</source>
        <translation>换个名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/join_station.py" line="115"/>
        <source>Type another station name, then log in again.</source>
        <translation>请输入另一个收银台名称，然后重新登录。</translation>
    </message>
</context>
<context>
    <name>KeyTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="168"/>
        <source>Key</source>
        <translation>卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="169"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="171"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="173"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="175"/>
        <source>Sold</source>
        <translation>售出时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="181"/>
        <source>Faulty, to replace</source>
        <translation>失效，待更换</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="65"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="66"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="67"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="69"/>
        <source>Balance after</source>
        <translation>变动后余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="72"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
</context>
<context>
    <name>LineRefundDialog</name>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="158"/>
        <source>Refund part of the order</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="160"/>
        <source>{product} · order {number}</source>
        <translation>{product} · 订单 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="176"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="180"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="186"/>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="189"/>
        <source>Handed back:</source>
        <translation>顾客退回：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="190"/>
        <source>Pay back:</source>
        <translation>应退金额：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="223"/>
        <source>Each refunded key becomes “Returned” (the customer had it: it is not sold again until you check it in Card keys) and its voucher becomes void. Keys already redeemed cannot be refunded.</source>
        <translation>每个退款的卡密变为“已退回”（顾客曾拿到过它：在“卡密”中检查之前不会再次出售），其卡券作废。已核销的卡密不能退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="226"/>
        <source>Tick the keys handed back, or scan them.</source>
        <translation>请勾选顾客退回的卡密，或扫描它们。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="229"/>
        <source>Each refunded card becomes void and pays back its unspent balance at the price paid for it (its reloads in full).</source>
        <translation>每张退款的卡作废，按购买价格退还其未用余额（充值部分全额退还）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="231"/>
        <source>Tick the cards handed back, or scan them.</source>
        <translation>请勾选顾客退回的卡，或扫描它们。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="234"/>
        <source>Refunded items go back to stock.</source>
        <translation>退款的商品会退回库存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="236"/>
        <source>The units of this line share one voucher: each refunded unit takes {uses} use(s) off it, used or not, while that many are unused; the voucher stays valid with the rest.</source>
        <translation>这一行的数量共用一张卡券：每退一份，从卡券上扣除 {uses} 次（不论是否已用），前提是还有这么多次未用；卡券余下的次数继续有效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="241"/>
        <source>The voucher of this line has not been used, so it can be refunded as a whole; it becomes void.</source>
        <translation>这一行的卡券还未使用，可以整张退款；退款后卡券作废。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="243"/>
        <source>Only unused vouchers can be refunded, each as a whole; they become void.</source>
        <translation>只有未使用的卡券可以退款，且须整张退款；退款后卡券作废。</translation>
    </message>
</context>
<context>
    <name>LineTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/orders/table_models.py" line="83"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/table_models.py" line="84"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/table_models.py" line="85"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/table_models.py" line="87"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/table_models.py" line="92"/>
        <source>Refunded</source>
        <translation>已退</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="116"/>
        <source>Voucher Shop</source>
        <translation>Voucher Shop</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="118"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="119"/>
        <source>The shop is locked. Enter the password to continue.</source>
        <translation>店铺已锁定。输入密码继续使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="121"/>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="186"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="122"/>
        <source>Log in with your operator name and password.</source>
        <translation>请用您的账号和密码登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="133"/>
        <source>Someone else at the counter? Type your own name and password to log in instead.</source>
        <translation>换班了？输入自己的账号和密码即可切换。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="136"/>
        <source>Owner password forgotten?</source>
        <translation>忘记店主密码？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="142"/>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="151"/>
        <source>Use this PC&apos;s own shop…</source>
        <translation>改用本机的店铺…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="172"/>
        <source>Your name</source>
        <translation>您的账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="175"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="181"/>
        <source>Operator:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="182"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="186"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="188"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="195"/>
        <source>This PC&apos;s own shop</source>
        <translation>本机的店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="196"/>
        <source>This PC will open the shop kept in its folder {folder} instead of the shop on the server {server}. The other counters keep using the server.</source>
        <translation>本机将打开保存在文件夹 {folder} 中的店铺，不再使用服务器 {server} 上的店铺。其他收银台继续使用服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="199"/>
        <source>Use this PC&apos;s shop</source>
        <translation>使用本机的店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="206"/>
        <source>Shop server: {server}</source>
        <translation>店铺服务器：{server}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="211"/>
        <source>Shop folder: {folder}</source>
        <translation>店铺文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="236"/>
        <source>Preparing the demo shop…</source>
        <translation>正在准备演示店铺…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/scan_notices.py" line="16"/>
        <source>Locked – log in to redeem. Scans kept for a minute: {count}.</source>
        <translation>已锁定——请解锁后再核销。扫到的券码保留一分钟：{count} 张。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/scan_notices.py" line="19"/>
        <source>Log in to redeem. Scans kept for a minute: {count}.</source>
        <translation>请登录后再核销。扫到的券码保留一分钟：{count} 张。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/scan_notices.py" line="22"/>
        <source>Locked – log in to redeem. The scan is kept for a minute.</source>
        <translation>已锁定——请解锁后再核销。扫到的券码保留一分钟。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/scan_notices.py" line="25"/>
        <source>Log in to redeem. The scan is kept for a minute.</source>
        <translation>请登录后再核销。扫到的券码保留一分钟。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/scan_notices.py" line="33"/>
        <source>That was typed very fast outside the fields and is no voucher: it was not kept. Click in a field to type there.</source>
        <translation>刚才在输入框外快速输入的内容不是卡券，已丢弃。请点击输入框后再输入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/scan_notices.py" line="51"/>
        <source>That was a scan, not a password: it was not used.</source>
        <translation>刚才是扫码，不是密码：未作为密码使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/scan_notices.py" line="44"/>
        <source>The voucher scanned before is kept: log in to redeem it.</source>
        <translation>之前扫描的卡券已保留：登录后即可核销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/scan_notices.py" line="47"/>
        <source>The vouchers scanned before are kept: log in to redeem them ({count}).</source>
        <translation>之前扫描的卡券已保留：登录后即可核销（{count} 张）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="277"/>
        <source>The shop&apos;s server cannot be reached now. Unlocking and redeeming work again when it is back; this line then goes away by itself.</source>
        <translation>现在无法连接店铺服务器。服务器恢复后即可解锁和核销，这行提示会自动消失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/scan_notices.py" line="58"/>
        <source>That was typed very fast: press Enter to use it, or type your password to replace it.</source>
        <translation>刚才的输入非常快：按回车使用它，或直接输入您的密码替换它。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="288"/>
        <source>Enter your operator name.</source>
        <translation>请输入账号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="293"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="297"/>
        <source>Unlocking the shop…</source>
        <translation>正在解锁店铺…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="307"/>
        <source>Enter the owner&apos;s name first.</source>
        <translation>请先输入店主账号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="326"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="372"/>
        <source>Forgot your password? A clerk asks the owner to set a new one (Admin → Operators); an owner clicks Quit, then “Owner password forgotten?” at the login.</source>
        <translation>忘记密码了？核销员请店主设置新密码（管理 → 操作员）；店主请点击“退出”，然后在登录界面点击“忘记店主密码？”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/login_dialog.py" line="375"/>
        <source>Forgot your password? A clerk asks the owner to set a new one (Admin → Operators); an owner clicks “Owner password forgotten?” below.</source>
        <translation>忘记密码了？核销员请店主设置新密码（管理 → 操作员）；店主请点击下方的“忘记店主密码？”。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="98"/>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="99"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="100"/>
        <source>Redemption</source>
        <translation>核销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="101"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="219"/>
        <source>Use the shop on the server</source>
        <translation>使用服务器上的店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="132"/>
        <location filename="../../desktop_app/ui/settings_follow.py" line="26"/>
        <source>{shop} — Voucher Shop</source>
        <translation>{shop} — Voucher Shop</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="169"/>
        <source>{operator} ({role})</source>
        <translation>{operator}（{role}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="174"/>
        <source>{operator} · {station}</source>
        <translation>{operator} · {station}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="179"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="180"/>
        <source>Lock the screen; unlock with your password (Ctrl+L)</source>
        <translation>锁定屏幕，输入密码即可解锁（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_backups.py" line="97"/>
        <source>Backup settings…</source>
        <translation>备份设置…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_backups.py" line="101"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="246"/>
        <source>Ctrl+{number}</source>
        <translation>Ctrl+{number}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="69"/>
        <source>&amp;Shop</source>
        <translation>店铺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="70"/>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="72"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="76"/>
        <source>&amp;Customer display</source>
        <translation>顾客显示屏(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="78"/>
        <source>A window for a second monitor facing the customer</source>
        <translation>在面向顾客的第二台显示器上打开的窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="81"/>
        <source>&amp;Expiring soon…</source>
        <translation>即将到期(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="86"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="88"/>
        <source>Log &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="92"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="97"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="98"/>
        <source>&amp;About Voucher Shop</source>
        <translation>关于 Voucher Shop(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="101"/>
        <source>Open the &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="113"/>
        <source>&amp;Admin</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="114"/>
        <source>&amp;Operators…</source>
        <translation>操作员(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="116"/>
        <source>&amp;Audit log…</source>
        <translation>操作日志(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="118"/>
        <source>&amp;Verify database</source>
        <translation>校验数据库(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="120"/>
        <source>New recovery &amp;key…</source>
        <translation>新的恢复密钥(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="123"/>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="125"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="127"/>
        <source>Backup &amp;settings…</source>
        <translation>备份设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="138"/>
        <source>&amp;Move to another computer…</source>
        <translation>迁移到另一台电脑(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="142"/>
        <source>A shop on a server is not moved: on another computer, connect to the same server.</source>
        <translation>服务器上的店铺无需迁移：在另一台电脑上连接同一台服务器即可。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="240"/>
        <source>The new recovery key works from now on; any earlier one no longer does.</source>
        <translation>新的恢复密钥即刻生效；之前的密钥已不能再用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="266"/>
        <source>The log folder could not be opened: {folder}</source>
        <translation>无法打开日志文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="261"/>
        <source>Operator: {operator}</source>
        <translation>操作员：{operator}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="264"/>
        <location filename="../../desktop_app/ui/settings_follow.py" line="28"/>
        <source>Shop: {shop}</source>
        <translation>店铺：{shop}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="380"/>
        <location filename="../../desktop_app/ui/main_window.py" line="266"/>
        <source>Station: {station}</source>
        <translation>收银台：{station}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="270"/>
        <source>Last automatic backup: …</source>
        <translation>上次自动备份：…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_backups.py" line="161"/>
        <source>Last automatic backup: {moment}</source>
        <translation>上次自动备份：{moment}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="185"/>
        <source>Your password was changed. Use the new one from now on.</source>
        <translation>您的密码已修改。从现在起请使用新密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_backups.py" line="43"/>
        <source>This app does not back up a shop on a server and cannot see its backups: they are made on the server with PostgreSQL&apos;s own tools (pg_dump, see the README&apos;s &quot;Several counters&quot;). Ask whoever looks after the server when the last one was made and whether it was tried in a restore.</source>
        <translation>本软件不备份服务器上的店铺，也看不到它的备份：备份由服务器上 PostgreSQL 自带的工具（pg_dump，见 README 的“Several counters”一节）完成。请向管理服务器的人确认最近一次备份是什么时候做的，以及是否试过用它恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_backups.py" line="156"/>
        <source>Backups: not made by this app (pg_dump)</source>
        <translation>备份：不由本软件进行（pg_dump）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_backups.py" line="165"/>
        <source>Automatic backups go to {folder}</source>
        <translation>自动备份保存到 {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_backups.py" line="168"/>
        <source>Automatic backups are off: turn them on in Admin → Backup settings</source>
        <translation>自动备份已关闭：可在“管理 → 备份设置”中开启</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_backups.py" line="186"/>
        <source>No automatic backups: if this computer&apos;s disk fails, the shop is lost. Choose a USB stick or another disk.</source>
        <translation>未开启自动备份：这台电脑的硬盘一旦损坏，店铺数据将丢失。请选择U盘或另一块磁盘。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_backups.py" line="193"/>
        <source>The automatic backup failed, so the latest changes are not in a backup yet. {reason}</source>
        <translation>自动备份失败，最近的更改还没有备份。{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="271"/>
        <source>About Voucher Shop</source>
        <translation>关于 Voucher Shop</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/about.py" line="33"/>
        <source>The shop is kept on the shop&apos;s server {server}.</source>
        <translation>店铺数据保存在店铺服务器 {server} 上。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/about.py" line="37"/>
        <source>The shop is kept in an encrypted database on this computer.</source>
        <translation>店铺数据保存在本机的加密数据库中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/about.py" line="39"/>
        <source>The shop is kept in an encrypted database on this computer, in {folder}.</source>
        <translation>店铺数据保存在本机的加密数据库中，位于 {folder}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/about.py" line="46"/>
        <source>No log file: messages go to the terminal the app was started from.</source>
        <translation>没有日志文件：信息输出到启动本程序的终端。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/about.py" line="48"/>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/about.py" line="55"/>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/about.py" line="56"/>
        <source>&lt;h3&gt;Voucher Shop {version}&lt;/h3&gt;&lt;p&gt;Sells vouchers, gift cards and card keys, and redeems them at the counter. {place}&lt;/p&gt;&lt;p&gt;{log}&lt;/p&gt;&lt;p&gt;QR decoders: {decoders}&lt;br&gt;Qt {qt}, Python {python}, {system}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Voucher Shop {version}&lt;/h3&gt;&lt;p&gt;出售卡券、礼品卡和卡密，并在柜台核销。{place}&lt;/p&gt;&lt;p&gt;{log}&lt;/p&gt;&lt;p&gt;二维码识别：{decoders}&lt;br&gt;Qt {qt}，Python {python}，{system}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/uncertain_close.py" line="23"/>
        <source>A scan is not certain yet</source>
        <translation>有一次扫码结果尚不确定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/uncertain_close.py" line="24"/>
        <source>The shop&apos;s server has not said yet whether {codes} was redeemed. Keep Voucher Shop open and it shows what happened as soon as the server answers. If you close it now, look the voucher up before redeeming it again or handing anything over.</source>
        <translation>店铺服务器还没有答复 {codes} 是否已核销。请保持 Voucher Shop 打开，服务器一答复就会显示结果。如果现在关闭，再次核销或交付任何东西之前，请先查询这张卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/uncertain_close.py" line="29"/>
        <source>Close anyway</source>
        <translation>仍然关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/uncertain_close.py" line="30"/>
        <source>Keep it open</source>
        <translation>保持打开</translation>
    </message>
</context>
<context>
    <name>MoveOutDialog</name>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="57"/>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="93"/>
        <source>Move to another computer</source>
        <translation>迁移到另一台电脑</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="64"/>
        <source>A folder on a USB stick</source>
        <translation>U盘上的文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="68"/>
        <source>I understand: after the final backup, nothing can be redeemed or sold on this computer.</source>
        <translation>我明白：最终备份之后，这台电脑上不能再核销或销售任何东西。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="74"/>
        <source>Final backup to:</source>
        <translation>最终备份保存到：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="80"/>
        <source>The final backup holds the whole shop as it is now. It goes to a folder you choose, for example on a USB stick. After it, this computer keeps the shop for reading only: every voucher is redeemed, and every sale made, on the new computer from then on, so none can be used twice.</source>
        <translation>最终备份包含店铺当前的全部数据，保存到您选择的文件夹，例如U盘。此后这台电脑上的店铺只能查看：从那时起所有核销和销售都在新电脑上进行，因此任何卡券都不会被使用两次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="85"/>
        <source>On the new computer, install Voucher Shop and, at its first start, choose &quot;Restore a backup from another computer&quot; and open the final backup. Close Voucher Shop on this shop&apos;s other counters first.</source>
        <translation>在新电脑上安装 Voucher Shop，首次启动时选择“从另一台电脑恢复备份”，并打开这份最终备份。请先关闭本店其他收银台上的 Voucher Shop。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="94"/>
        <source>The final backup: this computer then keeps the shop for reading only.</source>
        <translation>最终备份：之后这台电脑上的店铺只能查看。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="99"/>
        <source>Write the final backup</source>
        <translation>写入最终备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="99"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="104"/>
        <source>Choose the folder for the final backup</source>
        <translation>选择最终备份的文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="112"/>
        <source>This folder is not there now. Plug in the USB stick, or choose another folder.</source>
        <translation>此文件夹现在不存在。请插入U盘，或选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="116"/>
        <source>This folder&apos;s disk has {free} free; the final backup takes about {needed}. Free some space there or choose another folder.</source>
        <translation>此文件夹所在磁盘仅剩 {free}，而最终备份约需 {needed}。请在该磁盘上腾出空间或另选文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="121"/>
        <source>This folder is on this computer&apos;s own disk: the new computer cannot read it there. A USB stick is the usual way.</source>
        <translation>此文件夹在这台电脑自己的磁盘上，新电脑无法从这里读取。通常使用U盘。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="138"/>
        <source>Writing the final backup…</source>
        <translation>正在写入最终备份…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/move_out_dialog.py" line="155"/>
        <source>Final backup written to {path} ({size}). This computer now keeps the shop for reading only. On the new computer, choose &quot;Restore a backup from another computer&quot; at the first start and open this file.</source>
        <translation>最终备份已写入 {path}（{size}）。这台电脑上的店铺现在只能查看。请在新电脑首次启动时选择“从另一台电脑恢复备份”，并打开这个文件。</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="105"/>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="368"/>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="118"/>
        <source>Loading products…</source>
        <translation>正在加载商品…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="124"/>
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="126"/>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="152"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="152"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="153"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="153"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="177"/>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="180"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="183"/>
        <source>Optional, e.g. pays on pickup</source>
        <translation>选填，例如：取货时付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="186"/>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="187"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="188"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="121"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="194"/>
        <source>&amp;Create order</source>
        <translation>创建订单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="196"/>
        <source>Create and take &amp;payment</source>
        <translation>创建并收款(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="201"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="231"/>
        <source>No products on sale: add one in the Inventory tab</source>
        <translation>没有在售商品：请先在“库存”页添加</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="238"/>
        <source>{stock} in stock</source>
        <translation>库存 {stock}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="263"/>
        <source>Choose a product and its quantity above, then press Add (or Enter).</source>
        <translation>在上方选择商品和数量，然后点“添加”（或按回车）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="283"/>
        <source>Remove this line</source>
        <translation>删除这一行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="299"/>
        <source>Total: {total}</source>
        <translation>合计：{total}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="301"/>
        <source>only {stock} of “{product}” in stock</source>
        <translation>“{product}”库存仅剩 {stock}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="306"/>
        <source>Not enough stock to take payment now: {list}. Lower the quantity, or create the order and take payment once there is stock.</source>
        <translation>库存不足，暂不能收款：{list}。请减少数量，或先创建订单，有库存后再收款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="317"/>
        <source>{count} × “{product}” is one voucher of {uses} uses</source>
        <translation>{count} × “{product}”是一张可用 {uses} 次的卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="322"/>
        <source>{list}, for one customer to share. For separate vouchers (a gift for someone else), sell each in an order of its own.</source>
        <translation>{list}，供一位顾客共用。如需分开的卡券（例如送给别人），请每张单独下一个订单。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="334"/>
        <source>Not enough stock: see the message above</source>
        <translation>库存不足：见上方提示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="358"/>
        <source>A product&apos;s barcode is not read here: choose the product from the list.</source>
        <translation>这里不读取商品条码：请从列表中选择商品。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="366"/>
        <source>Discard this order&apos;s 1 line?</source>
        <translation>放弃这个订单已填写的 1 行？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="367"/>
        <source>Discard this order&apos;s {count} lines?</source>
        <translation>放弃这个订单已填写的 {count} 行？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="369"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_dialog.py" line="370"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <location filename="../../desktop_app/ui/session/password_dialog.py" line="86"/>
        <source>At least {minimum} characters</source>
        <translation>至少 {minimum} 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/password_dialog.py" line="136"/>
        <source>12 or more characters mixing letters, digits and symbols are much harder to guess.</source>
        <translation>使用 12 个以上字符，并混合字母、数字和符号，会难猜得多。</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKey</name>
    <message>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="62"/>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="85"/>
        <source>New recovery key</source>
        <translation>新的恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="63"/>
        <source>This shop has a recovery key already. A new one replaces it: the old key stops working at once, wherever it is kept. Make a new key only if the old one is lost or someone else may have seen it.</source>
        <translation>本店已有恢复密钥。新密钥会取代它：旧密钥无论存放在哪里都会立即失效。只有在旧密钥丢失或可能被他人看到时，才需要生成新密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="66"/>
        <source>Make a new key</source>
        <translation>生成新密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="66"/>
        <source>Keep the old key</source>
        <translation>保留旧密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="86"/>
        <source>Type your current password to make the new recovery key. It is asked even though you are logged in: with a recovery key, anyone can set an owner&apos;s password.</source>
        <translation>请输入您当前的密码以生成新的恢复密钥。虽然您已登录，仍需输入密码：有了恢复密钥，任何人都能设置店主的密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="90"/>
        <source>Make the new key</source>
        <translation>生成新密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="102"/>
        <source>I have kept it</source>
        <translation>我已妥善保存</translation>
    </message>
</context>
<context>
    <name>NoRecoveryKeyButton</name>
    <message>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="154"/>
        <source>Recovery key not confirmed: make a new one…</source>
        <translation>恢复密钥未确认：请重新生成…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="158"/>
        <source>No recovery key: make one…</source>
        <translation>没有恢复密钥：立即生成…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="160"/>
        <source>This shop has no recovery key (it was made before they existed). Without one, a shop whose every owner password is forgotten cannot be opened again. Make it now, while you are logged in: Admin → New recovery key…</source>
        <translation>本店没有恢复密钥（店铺创建时还没有这项功能）。没有它，一旦所有店主密码都忘记，店铺将再也无法打开。请趁现在已登录时生成：管理 → 新的恢复密钥…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/recovery_key_action.py" line="167"/>
        <source>The recovery key shown when it was made was never confirmed as kept: the app closed before its last group was typed back. Nobody can tell whether it was written down. Make a new one now and keep it: without it, a shop whose every owner password is forgotten cannot be opened again. Admin → New recovery key…</source>
        <translation>生成恢复密钥时，程序在输入其最后一组确认之前就关闭了，因此无法确定它是否已被抄下保存。请立即生成新的恢复密钥并妥善保管：没有它，一旦所有店主密码都忘记，店铺将无法再打开。管理 → 新的恢复密钥…</translation>
    </message>
</context>
<context>
    <name>OperatorTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_model.py" line="28"/>
        <source>Name</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_model.py" line="29"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_model.py" line="30"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_model.py" line="30"/>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_model.py" line="31"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_model.py" line="33"/>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_model.py" line="38"/>
        <source>{name} (you)</source>
        <translation>{name}（您）</translation>
    </message>
</context>
<context>
    <name>OperatorsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="62"/>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="71"/>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="72"/>
        <source>Who may log in to this shop. Clerks redeem vouchers; owners can do everything.</source>
        <translation>可以登录本店的人。核销员负责核销；店主可以做所有事。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="88"/>
        <source>Disabling removes the operator&apos;s key to the shop at once; their records stay. Enabling them again needs a new password. The last owner cannot be disabled.</source>
        <translation>停用后该账号立即无法登录，记录保留。重新启用需要设置新密码。最后一位店主不能停用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="95"/>
        <source>Add operator…</source>
        <translation>添加操作员…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="97"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="98"/>
        <source>Give the operator a new password, for example when they forgot theirs</source>
        <translation>为操作员设置新密码，例如在其忘记密码时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="101"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="103"/>
        <source>Enable…</source>
        <translation>启用…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="115"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="180"/>
        <source>{name} was added as {role}. They can log in now.</source>
        <translation>已添加{role} {name}，现在即可登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="190"/>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="194"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="191"/>
        <source>A new password for {name}. Their old one stops working at once; tell them the new one in person.</source>
        <translation>为 {name} 设置新密码。旧密码立即失效；请当面告诉对方新密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="196"/>
        <source>{name} has a new password.</source>
        <translation>{name} 的密码已重置。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="206"/>
        <source>Enable {name}</source>
        <translation>启用 {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="207"/>
        <source>{name} gets a new password: the old one was removed when they were disabled.</source>
        <translation>需要为 {name} 设置新密码：停用时旧密码已被删除。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="210"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="212"/>
        <source>{name} is enabled and can log in with the new password.</source>
        <translation>{name} 已启用，可以用新密码登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="231"/>
        <source>Disable yourself?</source>
        <translation>停用您自己？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="232"/>
        <source>Disable your own operator, {name}? You can finish what you are doing, but you cannot log in or unlock with it again until another owner enables it.</source>
        <translation>要停用您自己的操作员账号 {name} 吗？您可以做完手头的事，但在其他店主重新启用之前，您不能再用它登录或解锁。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="235"/>
        <source>Disable me</source>
        <translation>停用我的账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="237"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/operators_dialog.py" line="252"/>
        <source>{name} is disabled and can no longer log in.</source>
        <translation>{name} 已停用，不能再登录。</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="79"/>
        <source>Take &amp;payment…</source>
        <translation>收款(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="82"/>
        <source>Refund order…</source>
        <translation>整单退款…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="84"/>
        <source>Refund part…</source>
        <translation>部分退款…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="85"/>
        <source>Refund some of the selected line: what has not been redeemed</source>
        <translation>对所选的一行部分退款：仅限尚未核销的部分</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="88"/>
        <source>Cancel order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="92"/>
        <source>Select an order to see its lines, payment and vouchers.</source>
        <translation>选择一个订单，查看其明细、付款和卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="225"/>
        <source>Order {number}</source>
        <translation>订单 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="239"/>
        <source>Total {amount}</source>
        <translation>合计 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="251"/>
        <source>Refunded {amount}</source>
        <translation>已退款 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="252"/>
        <source>Refunded {amount}, and {reloads} for its cards&apos; reloads</source>
        <translation>已退款 {amount}，另有其卡的充值退款 {reloads}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="256"/>
        <source>Created {time}</source>
        <translation>创建于 {time}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="259"/>
        <source>Paid {time} by {method} (reference {ref})</source>
        <translation>已于 {time} 付款（{method}，交易单号 {ref}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="260"/>
        <source>Paid {time} by {method}</source>
        <translation>已于 {time} 付款（{method}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="266"/>
        <source>Customer: {customer}</source>
        <translation>顾客：{customer}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="268"/>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="278"/>
        <source>Vouchers are issued when the order is paid.</source>
        <translation>订单付款后才会发放卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="280"/>
        <source>This order was cancelled; it issued no vouchers.</source>
        <translation>此订单已取消，没有发放卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="284"/>
        <source>This order issued no vouchers (goods only).</source>
        <translation>此订单没有卡券（仅含实物商品）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="286"/>
        <source>The vouchers of this order are void (refunded). They are shown for the record: on screen and on paper they say VOID.</source>
        <translation>此订单的卡券已作废（已退款）。仍显示以备查：屏幕上和纸上都标明“已作废”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="289"/>
        <source>Refunded vouchers are void: they are shown last, marked VOID.</source>
        <translation>已退款的卡券已作废：排在最后显示，并标明“已作废”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/order_detail.py" line="300"/>
        <source>Reload of gift card {code}-… (order {order}): {amount}; the card&apos;s balance is now {balance}.</source>
        <translation>为礼品卡 {code}-…（订单 {order}）充值：{amount}；该卡现在的余额为 {balance}。</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/orders/table_models.py" line="49"/>
        <source>No.</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/table_models.py" line="50"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/table_models.py" line="52"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/table_models.py" line="53"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/table_models.py" line="54"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/table_models.py" line="57"/>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="37"/>
        <source>Paid, {amount} refunded</source>
        <translation>已付款，已退款 {amount}</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <location filename="../../desktop_app/ui/orders/paged_list.py" line="79"/>
        <source>All orders</source>
        <translation>全部订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="141"/>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="146"/>
        <source>New batch…</source>
        <translation>批量发券…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="148"/>
        <source>Issue many vouchers at once, free or at a price: a promotion, a box of gift cards</source>
        <translation>一次发出多张卡券，可免费或定价：促销活动、整盒礼品卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="152"/>
        <source>Card by phone…</source>
        <translation>电话查卡…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="154"/>
        <source>Look up a gift card by phone + PIN: the customer calls without the card in hand</source>
        <translation>凭手机号或订单号加 PIN 码查询礼品卡：适用于顾客来电、卡不在手边时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="184"/>
        <source>Orders: {count}</source>
        <translation>订单：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="186"/>
        <source>unpaid: {count}</source>
        <translation>未付款：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="295"/>
        <source>Batch order {number}: {count} vouchers issued, shown with the order to save or print.</source>
        <translation>批量订单 {number}：已发放 {count} 张卡券，显示在订单详情中，可保存或打印。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="326"/>
        <source>Order {number} is paid. Its vouchers are shown with the order.</source>
        <translation>订单 {number} 已付款，卡券显示在订单详情中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="335"/>
        <source>Select a line of the order first, then click Refund part…</source>
        <translation>请先在订单明细中选中一行，再点“部分退款…”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/paged_list.py" line="74"/>
        <source>Search: number, customer, phone, voucher code</source>
        <translation>搜索：单号、顾客、电话、券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/paged_list.py" line="229"/>
        <source>{shown} of {total} orders shown — scroll for more, or sort or search to reach older ones</source>
        <translation>已显示 {shown} / {total} 个订单——向下滚动查看更多，或排序、搜索以找到更早的订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/paged_list.py" line="239"/>
        <source>No order matches the search or filter.</source>
        <translation>没有符合搜索或筛选条件的订单。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/paged_list.py" line="242"/>
        <source>No orders yet.
Click “New order” to sell your first voucher.</source>
        <translation>还没有订单。
点击“新建订单”，卖出第一张卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="188"/>
        <source>matching: {count}</source>
        <translation>符合条件：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="281"/>
        <source>Order {number} created.</source>
        <translation>订单 {number} 已创建。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="366"/>
        <source>Refund order</source>
        <translation>整单退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="368"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="395"/>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="398"/>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="396"/>
        <source>Cancel order {number}? It was not paid; it stays in the list as cancelled.</source>
        <translation>确定取消订单 {number}？该订单尚未付款，取消后仍会以“已取消”状态保留在列表中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="399"/>
        <source>Keep the order</source>
        <translation>保留订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/orders_tab.py" line="403"/>
        <source>Order {number} is cancelled.</source>
        <translation>订单 {number} 已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="24"/>
        <source>{amount} of it for reload order {number} ({method}), refunded with the card.</source>
        <translation>其中 {amount} 属于充值订单 {number}（{method}），随卡一起退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="34"/>
        <source>The card key the customer had becomes “Returned”: it is not sold again until you check it in Card keys.</source>
        <translation>顾客拿到过的这个卡密变为“已退回”：在“卡密”中检查之前不会再次出售。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="37"/>
        <source>{count} card keys the customer had become “Returned”: they are not sold again until you check them in Card keys.</source>
        <translation>顾客拿到过的 {count} 个卡密变为“已退回”：在“卡密”中检查之前不会再次出售。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="45"/>
        <source>spent: nothing back</source>
        <translation>余额已用完：无退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="47"/>
        <source>redeemed: nothing back</source>
        <translation>已核销：无退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="48"/>
        <source>used up: nothing back</source>
        <translation>已用完：无退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="54"/>
        <source>{count} spent: nothing back for it</source>
        <translation>{count} 张余额已用完：这部分无退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="56"/>
        <source>{count} redeemed: nothing back for it</source>
        <translation>{count} 个已核销：这部分无退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="58"/>
        <source>{count} used up: nothing back for it</source>
        <translation>{count} 份已用完：这部分无退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="65"/>
        <source>refunded before: nothing more back</source>
        <translation>之前已退款：不再退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="77"/>
        <source>{first}; {second}</source>
        <translation>{first}；{second}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="86"/>
        <source>the others: their unspent balance</source>
        <translation>其余的：退未消费的余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="88"/>
        <source>the other: its unspent balance</source>
        <translation>另一张：退未消费的余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="90"/>
        <source>their unspent balance</source>
        <translation>退未消费的余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="91"/>
        <source>its unspent balance</source>
        <translation>退未消费的余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="100"/>
        <source>partly used: only the uses left</source>
        <translation>部分已使用：只退剩余次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="101"/>
        <source>• {product}: {count} of {units} back, {amount}</source>
        <translation>• {product}：退 {count}/{units} 份，{amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="108"/>
        <source>{line} ({why})</source>
        <translation>{line}（{why}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="115"/>
        <source>Line by line:</source>
        <translation>逐行明细：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="123"/>
        <source>Refund order {number}? Pay back {amount} to the customer.</source>
        <translation>为订单 {number} 退款？应退给顾客 {amount}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="127"/>
        <source>Nothing was refunded yet: a counter redeemed or spent part of this order after you were asked, so the money to pay back changed from {was}.</source>
        <translation>尚未退款：询问您之后，有收银台核销或消费了此订单的一部分，因此应退金额已不再是 {was}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="134"/>
        <source>Its unredeemed vouchers become void and unsold stock goes back. Uses already redeemed stay in the history.</source>
        <translation>其未核销的卡券将作废，未售库存会退回。已核销的次数保留在记录中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="144"/>
        <source>Order {number} is refunded: pay back {amount}.</source>
        <translation>订单 {number} 已退款：应退 {amount}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_words.py" line="147"/>
        <source>Refund recorded for order {number}: pay back {amount}.</source>
        <translation>订单 {number} 的退款已记录：应退 {amount}。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop_app/ui/session/password_dialog.py" line="178"/>
        <source>Save password</source>
        <translation>保存密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/password_dialog.py" line="199"/>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/password_dialog.py" line="205"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/password_dialog.py" line="205"/>
        <source>Repeat new password:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/password_dialog.py" line="224"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/password_dialog.py" line="281"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/password_dialog.py" line="282"/>
        <source>Type your current password, then the new one twice. The new one works from your next login or unlock, at every counter.</source>
        <translation>先输入当前密码，再输入两遍新密码。新密码从下次登录或解锁起生效，在每个柜台都适用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/password_dialog.py" line="286"/>
        <source>Backups made before the change still open with the current password (or the shop&apos;s recovery key): keep it somewhere safe.</source>
        <translation>修改之前做的备份仍然只能用当前密码（或店铺的恢复密钥）打开：请把当前密码妥善记下。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/password_dialog.py" line="292"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recover_owner_dialog.py" line="24"/>
        <source>Forgotten password</source>
        <translation>忘记密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recover_owner_dialog.py" line="42"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recover_owner_dialog.py" line="30"/>
        <source>Recovery key:</source>
        <translation>恢复密钥：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recover_owner_dialog.py" line="25"/>
        <source>Type an owner&apos;s name, the shop&apos;s recovery key (shown when the shop was made, or when an owner last made a new one) and a new password for that owner.</source>
        <translation>请输入店主账号、店铺的恢复密钥（创建店铺时或店主最近一次生成新密钥时显示）以及该店主的新密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recover_owner_dialog.py" line="32"/>
        <source>Set new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recover_owner_dialog.py" line="49"/>
        <source>The owner&apos;s name, as at the login</source>
        <translation>店主登录时用的账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recover_owner_dialog.py" line="52"/>
        <source>Owner:</source>
        <translation>店主账号：</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="78"/>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="83"/>
        <source>Order {number}</source>
        <translation>订单 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="88"/>
        <source>Optional: transaction number, last digits of the card…</source>
        <translation>选填：交易单号、银行卡后四位…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="92"/>
        <source>Confirm payment</source>
        <translation>确认收款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="92"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="95"/>
        <source>Paid by:</source>
        <translation>付款方式：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="96"/>
        <source>Reference:</source>
        <translation>交易单号：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/payment_dialogs.py" line="103"/>
        <source>Confirming marks the order paid and issues its vouchers and card keys at once.</source>
        <translation>确认后订单即标记为已付款，并立即发放卡券和卡密。</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="138"/>
        <source>Gift card PIN</source>
        <translation>礼品卡 PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="142"/>
        <source>4 to 6 digits</source>
        <translation>4 至 6 位数字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="146"/>
        <source>Set PIN</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="146"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="149"/>
        <source>Needed only to look the card up without it in hand (on the phone).</source>
        <translation>仅在不持卡查询（如电话查询）时需要。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="158"/>
        <source>That was a scan, not a PIN: it was not kept. Type the PIN the customer chooses.</source>
        <translation>刚才是扫码，不是 PIN 码：未保存。请输入顾客自己选的 PIN 码。</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="71"/>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="72"/>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="104"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="105"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="106"/>
        <source>Price:</source>
        <translation>价格：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="107"/>
        <source>Value:</source>
        <translation>面值：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="108"/>
        <source>Uses per voucher:</source>
        <translation>每张券可用次数：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="109"/>
        <source>Stock:</source>
        <translation>库存：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="110"/>
        <source>Valid:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="111"/>
        <source>Card key:</source>
        <translation>卡密：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="112"/>
        <source>Keys look like:</source>
        <translation>卡密格式：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="115"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="115"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="137"/>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="252"/>
        <source>e.g. Car wash ×5</source>
        <translation>例如：洗车五次卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="243"/>
        <source>A card that carries money, spent in parts at the counter and reloaded; a small remainder is cashed out once Settings → Shop allows it (gift-card cash-out up to).</source>
        <translation>礼品卡：可在收银台分次消费，也可充值；在“设置 → 店铺”中设定“礼品卡提现上限”后，小额余额还可提现。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/count_fields.py" line="76"/>
        <source>The name says {named} uses; each voucher has {uses}.</source>
        <translation>名称写的是 {named} 次，但每张卡券可用次数为 {uses}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/count_fields.py" line="100"/>
        <source>no low-stock warning</source>
        <translation>不提醒库存不足</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/count_fields.py" line="102"/>
        <source>warn at </source>
        <translation>提醒于 </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/count_fields.py" line="103"/>
        <source>Warn in the status bar at this stock or less</source>
        <translation>库存等于或少于此数时在状态栏提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="375"/>
        <source>Discard this new product?</source>
        <translation>放弃这个新商品？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="376"/>
        <source>Discard your changes to this product?</source>
        <translation>放弃对这个商品的修改？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="377"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="377"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/money_fields.py" line="57"/>
        <source>the price</source>
        <translation>同售价</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/money_fields.py" line="60"/>
        <source>The balance each card carries; empty: the price</source>
        <translation>每张卡的余额；留空则等于售价</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/money_fields.py" line="64"/>
        <source>A new value applies to cards sold from now on; cards already sold keep their balance.</source>
        <translation>新的面值只适用于此后售出的卡；已售出的卡保留原有余额。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/count_fields.py" line="54"/>
        <source>e.g. 5 for a five-wash pass</source>
        <translation>例如五次洗车卡填 5</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/count_fields.py" line="95"/>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/validity_fields.py" line="51"/>
        <source>No expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/validity_fields.py" line="53"/>
        <source>For a number of days after the sale:</source>
        <translation>售出后有效天数：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/validity_fields.py" line="55"/>
        <source>Between two dates:</source>
        <translation>指定日期范围：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/validity_fields.py" line="94"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="105"/>
        <location filename="../../desktop_app/ui/inventory/validity_fields.py" line="76"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/validity_fields.py" line="83"/>
        <source>Changes apply to vouchers sold from now on; vouchers already sold keep their dates.</source>
        <translation>修改只对今后售出的卡券生效；已售出的卡券保持原有效期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/validity_fields.py" line="93"/>
        <source> day</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="37"/>
        <source>Every buyer gets the same key (e.g. a group-buy password)</source>
        <translation>所有买家使用同一个卡密（例如团购口令）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="42"/>
        <source>The key every buyer receives</source>
        <translation>每位买家都会收到的卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="45"/>
        <source>Otherwise each sale hands over one of the keys you import.</source>
        <translation>否则每次售出时发放一个您导入的卡密。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="92"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="96"/>
        <source>Any characters</source>
        <translation>任意字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="97"/>
        <source>Digits</source>
        <translation>纯数字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="98"/>
        <source>Capital letters and digits</source>
        <translation>大写字母和数字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="100"/>
        <source>Letters and digits</source>
        <translation>字母和数字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="103"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="107"/>
        <source>characters,</source>
        <translation>个字符，</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/cardkey_fields.py" line="60"/>
        <source>Unchanged: {key}</source>
        <translation>不修改：{key}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="239"/>
        <source>Redeemed at the counter: each voucher has a number of uses.</source>
        <translation>在柜台核销：每张卡券有一定的使用次数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="240"/>
        <source>Each sale hands over a secret code (a card key) you imported. Stock is the number of unsold keys.</source>
        <translation>每次售出发放一个您导入的卡密。库存即未售出的卡密数量。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="242"/>
        <source>Things handed over at the sale; stock goes down with each one.</source>
        <translation>售出时直接交付的实物；每售出一件库存减一。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="249"/>
        <source>The kind cannot change once a product exists.</source>
        <translation>商品创建后不能更改类型。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="253"/>
        <source>e.g. Steam wallet card 50</source>
        <translation>例如：Steam 充值卡 50 元</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="254"/>
        <source>e.g. Gift box</source>
        <translation>例如：礼盒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="255"/>
        <source>e.g. Gift card 200</source>
        <translation>例如：200 元礼品卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="259"/>
        <source>Vouchers that can be sold</source>
        <translation>可售卡券数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="260"/>
        <source>Cards that can be sold</source>
        <translation>可售卡数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/product_dialog.py" line="261"/>
        <source>Items in stock</source>
        <translation>库存件数</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="79"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="80"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="81"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="83"/>
        <source>Uses</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="84"/>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="85"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="88"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="101"/>
        <source>Value {amount}</source>
        <translation>面值 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="107"/>
        <source>Active</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="107"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="111"/>
        <source>Its last valid day has passed, so it is not sold any more: give it new dates with Edit…, or archive it.</source>
        <translation>它的最后有效日已过，因此不再出售：请用“编辑…”设置新的日期，或将其下架。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/inventory/table_models.py" line="106"/>
        <source>Archived</source>
        <translation>已下架</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop_app/ui/folders.py" line="16"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/folders.py" line="17"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecentPanel</name>
    <message>
        <location filename="../../desktop_app/ui/counter/recent_panel.py" line="214"/>
        <source>This station&apos;s list cannot be read now: the shop&apos;s server is not answering.</source>
        <translation>暂时无法读取本收银台的记录：店铺的服务器没有响应。</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="96"/>
        <source>Your recovery key</source>
        <translation>您的恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="102"/>
        <source>Voucher Shop recovery key</source>
        <translation>Voucher Shop 恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="103"/>
        <source>If every owner password is forgotten, this key lets an owner set a new one (login screen: “Owner password forgotten?”, or the command recover NAME). Keep it on paper, somewhere safe and away from the shop&apos;s computer: whoever has it can open the shop. It is shown only once.</source>
        <translation>如果所有店主密码都忘了，店主可以用这个密钥设置新密码（登录界面点“忘记店主密码？”，或使用命令 recover NAME）。请把它抄在纸上，存放在安全的地方，远离店里的电脑：谁拿到它，谁就能打开店铺。它只显示这一次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="110"/>
        <source>Keep your recovery key</source>
        <translation>请保管好恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="111"/>
        <source>The one way back in when every owner password is forgotten.</source>
        <translation>所有店主密码都忘记时，这是唯一的找回途径。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="123"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="124"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="125"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="136"/>
        <source>the last group, {n} characters</source>
        <translation>最后一组，{n} 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="139"/>
        <source>To show you kept it, type the key&apos;s last group:</source>
        <translation>为确认您已保存，请输入密钥的最后一组：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="144"/>
        <source>I have kept it — open the shop</source>
        <translation>我已保存好——打开店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="181"/>
        <source>“{typed}” is not the key&apos;s last group. Compare it with the key above, character by character, and type the group after its last dash.</source>
        <translation>“{typed}”不是恢复密钥的最后一组。请逐个字符对照上面的密钥，输入最后一个短横线之后的那一组。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="193"/>
        <source>Keep the key first: type its last group to continue.</source>
        <translation>请先保存密钥：输入最后一组后才能继续。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="198"/>
        <source>Copied. Paste it somewhere safe, then clear the clipboard.</source>
        <translation>已复制。请粘贴到安全的地方，然后清空剪贴板。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="201"/>
        <source>Save the recovery key as PDF</source>
        <translation>将恢复密钥保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="203"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="220"/>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="225"/>
        <source>Print the recovery key</source>
        <translation>打印恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="237"/>
        <source>The printer refused the page. Save it as a PDF instead, or copy the key.</source>
        <translation>打印机拒绝了此页面。请改为保存为 PDF，或复制密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/recovery_key_dialog.py" line="239"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>Redemption</name>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="21"/>
        <source>Redeemed</source>
        <translation>核销成功</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="22"/>
        <source>Already redeemed</source>
        <translation>已用完</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="23"/>
        <source>Unknown code</source>
        <translation>券码不存在，请核对</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="24"/>
        <source>Forged or altered</source>
        <translation>伪造或被篡改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="25"/>
        <source>Not this shop&apos;s voucher</source>
        <translation>非本店卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="26"/>
        <source>Not a voucher code</source>
        <translation>无效券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="27"/>
        <source>Check the code</source>
        <translation>请核对券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="28"/>
        <source>Not enough uses left</source>
        <translation>剩余次数不足</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="29"/>
        <source>Not paid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="30"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="31"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="32"/>
        <source>Not valid yet</source>
        <translation>未到生效日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="33"/>
        <source>Not allowed</source>
        <translation>无权限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="34"/>
        <source>Balance too low</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="35"/>
        <source>Enter the amount</source>
        <translation>请输入金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="36"/>
        <source>Not a gift card</source>
        <translation>不是礼品卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="37"/>
        <source>Undo</source>
        <translation>撤销核销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="69"/>
        <source>Last redeemed by {who} at {station}, {when}.</source>
        <translation>上次核销：{who}，在 {station}，{when}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="75"/>
        <source>This is a gift card: type the amount to spend and press Enter. No need to scan it again.</source>
        <translation>这是礼品卡：请输入消费金额并按回车，无需重新扫码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="86"/>
        <source>A character is missing – check the code.</source>
        <translation>少了一个字符——请核对券码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="87"/>
        <source>There is one character too many – check the code.</source>
        <translation>多了一个字符——请核对券码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="93"/>
        <source>This is a customer&apos;s payment code (WeChat Pay or Alipay), not a voucher: ask for the voucher&apos;s QR code or its printed code. Nothing was charged.</source>
        <translation>这是顾客的付款码（微信支付或支付宝），不是卡券：请顾客出示卡券二维码或券上印的券码。没有扣款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="96"/>
        <source>This is a product&apos;s barcode, not a voucher: scan the voucher&apos;s QR code or type its printed code.</source>
        <translation>这是商品条码，不是卡券：请扫描卡券二维码，或输入券上印的券码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="111"/>
        <source>one character missing</source>
        <translation>少了一个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="112"/>
        <source>one character too many</source>
        <translation>多了一个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="136"/>
        <source>Card key marked as used</source>
        <translation>卡密已标记为已使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="137"/>
        <source>Card key already marked as used</source>
        <translation>卡密此前已标记为已使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="139"/>
        <source>The key is on the customer&apos;s voucher. A used key is no longer refunded.</source>
        <translation>卡密印在顾客的券上。已使用的卡密不再退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="159"/>
        <source>Empty: reload it to spend it again</source>
        <translation>余额为零：充值后才能再次使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="160"/>
        <source>Not now: redeeming is stopped until the owner checks the shop (Verify)</source>
        <translation>暂不能核销：核销已暂停，等店主检查店铺（校验数据库）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="167"/>
        <source>Can be marked as used</source>
        <translation>可以标记为已使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="169"/>
        <source>card key not yet marked as used</source>
        <translation>卡密尚未标记为已使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="170"/>
        <source>card key marked as used</source>
        <translation>卡密已标记为已使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="181"/>
        <source>Used: no longer refunded</source>
        <translation>已使用，不再退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="197"/>
        <source>1 use of it was refunded ({when}).</source>
        <translation>其中 1 次已退款（{when}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="198"/>
        <source>{uses} uses of it were refunded ({when}).</source>
        <translation>其中 {uses} 次已退款（{when}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="201"/>
        <source>1 use of it was refunded.</source>
        <translation>其中 1 次已退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="202"/>
        <source>{uses} uses of it were refunded.</source>
        <translation>其中 {uses} 次已退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="53"/>
        <source>Redeemed, undone</source>
        <translation>核销已撤销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="45"/>
        <source>There is no voucher with this code in this shop. Check the code.</source>
        <translation>券码不存在，请核对：本店没有这个券码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="47"/>
        <source>This QR code was not made by this shop, or it was changed. Do not accept it.</source>
        <translation>这个二维码不是本店生成的，或已被改动。请勿核销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="52"/>
        <source>It was not issued by this shop, or its QR code was misread. It cannot be used here: if the customer bought it here, type its printed code.</source>
        <translation>此券不是本店发行的，或二维码读错了。不能在本店使用：如果顾客是在本店购买的，请输入券上印的券码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="55"/>
        <source>What was read is not a voucher. Scan again, or type the printed code.</source>
        <translation>读到的内容不是券码。请重新扫码，或输入券上印的券码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="57"/>
        <source>A character is wrong or two are swapped – check the code.</source>
        <translation>券码有字符输错或顺序颠倒，请核对券码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="59"/>
        <source>Fewer uses are left than were asked for; nothing was used.</source>
        <translation>剩余次数少于要核销的次数；未扣任何次数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="61"/>
        <source>Its order has not been paid. Ask the owner to check the order.</source>
        <translation>这张券的订单尚未付款。请店主核查订单。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="63"/>
        <source>Its order was refunded or cancelled.</source>
        <translation>这张券的订单已退款或取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="64"/>
        <source>It was valid until {valid_until}.</source>
        <translation>有效期至 {valid_until}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="65"/>
        <source>It can be used from {valid_from}.</source>
        <translation>{valid_from} 起可用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="66"/>
        <source>This operator may not redeem vouchers now: the account was disabled or its role changed. Ask the owner.</source>
        <translation>此操作员现在不能核销卡券：账号已被停用或角色已变更。请联系店主。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="71"/>
        <source>The card holds less than that amount. Nothing was spent.</source>
        <translation>卡内余额不足这个金额，未扣款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="78"/>
        <source>This voucher counts uses, not money: scan it without an amount.</source>
        <translation>这张券按次数核销，不按金额：请不要输入金额，直接扫码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="57"/>
        <source>{result} · not on the server now</source>
        <translation>{result} · 服务器上已没有此记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="58"/>
        <source>{result} · not in the shop&apos;s records now</source>
        <translation>{result} · 店铺记录中已没有此记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="61"/>
        <source>This station saw it happen, but the shop&apos;s database on the server no longer has it: an older copy was put back. Compare with the newest pg_dump before acknowledging.</source>
        <translation>本收银台曾看到这次核销，但服务器上的店铺数据库已没有这条记录：数据库被换回了旧副本。确认问题之前，请先与最新的 pg_dump 比对。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="65"/>
        <source>This station saw it happen, but the shop&apos;s records no longer have it: an older copy was put back.</source>
        <translation>本收银台曾看到这次核销，但店铺记录中已没有这条记录：数据被换回了旧副本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="72"/>
        <source>It has no uses left.</source>
        <translation>已无剩余次数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="73"/>
        <source>It cannot be used yet.</source>
        <translation>暂时还不能使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="74"/>
        <source>It can no longer be used.</source>
        <translation>已不能再使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="80"/>
        <source>Check the 1st group: {group}</source>
        <translation>请核对第 1 组：{group}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="81"/>
        <source>Check the 2nd group: {group}</source>
        <translation>请核对第 2 组：{group}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="82"/>
        <source>Check the 3rd group: {group}</source>
        <translation>请核对第 3 组：{group}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="83"/>
        <source>Check the 4th group: {group}</source>
        <translation>请核对第 4 组：{group}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="149"/>
        <source>today {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="167"/>
        <source>{left} of {total} left</source>
        <translation>剩余 {left}/{total} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="175"/>
        <source>Spent {spent} · balance left {balance}</source>
        <translation>已消费 {spent} · 剩余余额 {balance}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="190"/>
        <source>{asked} asked, the card holds {balance}. Nothing was spent.</source>
        <translation>要求消费 {asked}，卡内仅有 {balance}。未扣款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="196"/>
        <source>Last spent by {who} at {station}, {when}.</source>
        <translation>上次消费：{who}，在 {station}，{when}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="286"/>
        <source>{result} × {uses}</source>
        <translation>{result} × {uses}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="293"/>
        <source>Spent {amount}, undone</source>
        <translation>已消费 {amount}，已撤销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="298"/>
        <source>Not redeemed — failed: {reason}</source>
        <translation>未核销——失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="62"/>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="301"/>
        <source>Spent {amount}</source>
        <translation>已消费 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="77"/>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="271"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="84"/>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="272"/>
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="85"/>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="273"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="78"/>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="274"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="79"/>
        <location filename="../../desktop_app/ui/counter/redemption_models.py" line="275"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verdict_texts.py" line="158"/>
        <source>Can be redeemed</source>
        <translation>可以核销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="80"/>
        <source>Station</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="86"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="87"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="81"/>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="88"/>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="89"/>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="90"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="101"/>
        <source>{status}; code hidden</source>
        <translation>{status}；券码已隐藏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="109"/>
        <source>{status}; code hidden: {how}</source>
        <translation>{status}；券码已隐藏：{how}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="114"/>
        <source>scan the card, or use &quot;Card by phone…&quot; with its PIN</source>
        <translation>请扫描卡片，或用“电话查卡…”并输入卡的 PIN 码</translation>
    </message>
</context>
<context>
    <name>RedemptionTab</name>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="249"/>
        <source>Scan here — or type a code and press Enter</source>
        <translation>在此扫码，或输入券码后按回车</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="130"/>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="133"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="137"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="139"/>
        <source>The next scan shows the voucher, its customer and history; nothing is used</source>
        <translation>下一次扫码只显示卡券、顾客和历史记录，不扣任何次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="145"/>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="146"/>
        <source>Find vouchers by customer name or phone</source>
        <translation>按顾客姓名或电话查找卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="151"/>
        <source>Card by phone…</source>
        <translation>电话查卡…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="152"/>
        <source>A gift card&apos;s balance, or a spend from it, for a customer without it in hand: their phone number, then the card&apos;s PIN</source>
        <translation>顾客没带卡时查询礼品卡余额或从卡中消费：先按手机号找卡，再输入该卡的 PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/uses_picker.py" line="42"/>
        <source>One use fewer for the next scan</source>
        <translation>下一次扫码少核销 1 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/uses_picker.py" line="46"/>
        <source>One use more for the next scan (or type the number before scanning)</source>
        <translation>下一次扫码多核销 1 次（也可在扫码前输入次数）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="210"/>
        <source>Redeem</source>
        <translation>核销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="214"/>
        <source>Type a printed code:</source>
        <translation>输入券上印的券码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/recent_panel.py" line="116"/>
        <location filename="../../desktop_app/ui/counter/recent_panel.py" line="245"/>
        <source>Undo redemption…</source>
        <translation>撤销核销…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/recent_panel.py" line="165"/>
        <source>Recent at this station ({station})</source>
        <translation>本收银台最近记录：{station}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/recent_panel.py" line="166"/>
        <source>Your recent redemptions at this station ({station})</source>
        <translation>您在本收银台的最近核销：{station}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/recent_panel.py" line="270"/>
        <source>Undone: {amount} is back on the card (balance {balance}).</source>
        <translation>已撤销：{amount} 已退回卡内（余额 {balance}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/recent_panel.py" line="276"/>
        <source>Undone: {uses} uses were given back ({left} left now).</source>
        <translation>已撤销：{uses} 次已退回（现剩余 {left} 次）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/uses_picker.py" line="103"/>
        <source>The next scan takes {count} uses</source>
        <translation>下一次扫码将核销 {count} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_layout.py" line="247"/>
        <source>Look up: scan a voucher — nothing is used</source>
        <translation>查询：请扫描卡券 — 不扣任何次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_tab.py" line="286"/>
        <source>Next scan takes × {count} uses. A gift card&apos;s amount goes in the box on the left.</source>
        <translation>下次扫码核销 × {count} 次。礼品卡金额请填在左边的框里。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_tab.py" line="287"/>
        <source>Next scan takes 1 use.</source>
        <translation>下次扫码核销 1 次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_tab.py" line="372"/>
        <source>Still waiting: this app is finishing other work on the shop first. Do not hand anything over until it answers.</source>
        <translation>仍在等待：本软件正在先完成店铺的其他工作。在它回应之前，请不要交付任何东西。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_tab.py" line="374"/>
        <source>Still waiting for the shop&apos;s server. Do not hand anything over until it answers.</source>
        <translation>仍在等待店铺服务器的回应。在它回应之前，请不要交付任何东西。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_tab.py" line="376"/>
        <source>Still waiting for the shop file (another program may be using it). Do not hand anything over until it answers.</source>
        <translation>仍在等待店铺文件（可能有其他程序正在使用）。在它回应之前，请不要交付任何东西。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_tab.py" line="383"/>
        <source>▮▮▮ Scanner</source>
        <translation>▮▮▮ 扫码枪</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_tab.py" line="383"/>
        <source>⌨ Typed</source>
        <translation>⌨ 手动输入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_tab.py" line="384"/>
        <source>◉ Camera</source>
        <translation>◉ 摄像头</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_tab.py" line="385"/>
        <source>Waiting</source>
        <translation>等待扫码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_tab.py" line="387"/>
        <source>Where the last code came from</source>
        <translation>上一个券码的来源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/recent_panel.py" line="280"/>
        <source>Undone: the use was given back ({left} left now).</source>
        <translation>已撤销：次数已退回（现剩余 {left} 次）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/server_status.py" line="139"/>
        <source>The shop&apos;s server cannot be reached: scans are refused until it is back. Redeeming then starts again by itself.</source>
        <translation>无法连接店铺服务器：服务器恢复之前，所有扫码都不予核销。服务器恢复后会自动重新开始核销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/server_status.py" line="154"/>
        <source>Nothing was redeemed: {problem} Scan the voucher again once this is put right.</source>
        <translation>没有核销任何内容：{problem}问题解决后请重新扫码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/server_status.py" line="157"/>
        <source>The shop&apos;s server cannot be reached: nothing was redeemed. Redeeming starts again by itself when the server is back; then scan the voucher again.</source>
        <translation>无法连接店铺服务器：本次未核销任何卡券。服务器恢复后，收银台即可再次核销，届时请重新扫码。</translation>
    </message>
</context>
<context>
    <name>RefundChoiceList</name>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_choice_list.py" line="33"/>
        <source>Scan or type the code of a voucher handed back</source>
        <translation>扫描或输入顾客退回的卡券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_choice_list.py" line="62"/>
        <source>balance {money}</source>
        <translation>余额 {money}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_choice_list.py" line="65"/>
        <source>pays back {money}</source>
        <translation>退还 {money}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/refund_choice_list.py" line="84"/>
        <source>That code is not one of these vouchers: it may be of another line or order, already used, or void.</source>
        <translation>此券码不在这些卡券中：它可能属于其他商品行或订单，或已使用、已作废。</translation>
    </message>
</context>
<context>
    <name>ReloadDialog</name>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="85"/>
        <source>Reload gift card</source>
        <translation>礼品卡充值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="86"/>
        <source>Gift card {code}</source>
        <translation>礼品卡 {code}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="96"/>
        <source>Reload</source>
        <translation>充值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="99"/>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="100"/>
        <source>Paid by:</source>
        <translation>付款方式：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/giftcard_box.py" line="101"/>
        <source>Reference:</source>
        <translation>交易单号：</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="11"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="12"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="13"/>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="138"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="14"/>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="139"/>
        <source>Station</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="15"/>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="143"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="16"/>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="17"/>
        <source>Uses redeemed</source>
        <translation>核销次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="18"/>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="155"/>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="19"/>
        <source>Net</source>
        <translation>净计</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="20"/>
        <source>Refused</source>
        <translation>被拒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="21"/>
        <source>Gift-card money spent</source>
        <translation>礼品卡消费金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="22"/>
        <source>Orders paid</source>
        <translation>已付款订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="23"/>
        <source>Orders refunded</source>
        <translation>已退款订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="24"/>
        <source>Units sold</source>
        <translation>售出数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="25"/>
        <source>Units refunded</source>
        <translation>退款数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="26"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="27"/>
        <source>Refunds</source>
        <translation>退款额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="28"/>
        <source>Vouchers</source>
        <translation>卡券数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="29"/>
        <source>Uses left</source>
        <translation>剩余次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="30"/>
        <source>Value</source>
        <translation>剩余价值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="31"/>
        <source>Expire in 7 days</source>
        <translation>7 天内到期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="32"/>
        <source>Expire in 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="33"/>
        <source>Expired unused</source>
        <translation>过期未用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="34"/>
        <source>Expired unused value</source>
        <translation>过期未用价值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="35"/>
        <source>Unsold</source>
        <translation>未售</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="36"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="37"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="38"/>
        <source>Faulty</source>
        <translation>失效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="39"/>
        <source>Low-stock level</source>
        <translation>库存预警线</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="40"/>
        <source>Low</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="41"/>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="146"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="42"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="43"/>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="141"/>
        <source>Voucher</source>
        <translation>卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="44"/>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="45"/>
        <source>Cards</source>
        <translation>卡数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="46"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="47"/>
        <source>Balance expiring in 7 days</source>
        <translation>7 天内到期余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="48"/>
        <source>Balance expiring in 30 days</source>
        <translation>30 天内到期余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="49"/>
        <source>Breakage in these days</source>
        <translation>期间沉淀金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="50"/>
        <source>Cards expired with money</source>
        <translation>过期时仍有余额的卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="52"/>
        <source>Customers to call</source>
        <translation>待联系的顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="53"/>
        <source>Gift-card balances</source>
        <translation>礼品卡余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="157"/>
        <source>Redeemed, undone since</source>
        <translation>核销成功，后已撤销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="55"/>
        <location filename="../../desktop_app/ui/reports/report_export.py" line="60"/>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="66"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="137"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="144"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="147"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_models.py" line="149"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="127"/>
        <source>Redemptions</source>
        <translation>核销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="128"/>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="129"/>
        <source>Outstanding vouchers</source>
        <translation>未用完的卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="130"/>
        <source>Card-key stock</source>
        <translation>卡密库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_loading.py" line="16"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_loading.py" line="17"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_loading.py" line="18"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_loading.py" line="19"/>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_loading.py" line="20"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_loading.py" line="21"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_loading.py" line="22"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_loading.py" line="23"/>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_loading.py" line="24"/>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_loading.py" line="25"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="92"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="93"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="94"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="95"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="97"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="97"/>
        <source>By</source>
        <translation>按</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="98"/>
        <source>Days</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="204"/>
        <source>The last day is before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="249"/>
        <source>Nothing in these days.</source>
        <translation>这段时间内没有数据。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="251"/>
        <source>No redemptions or sales in these days.</source>
        <translation>这段时间内没有核销或销售。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="54"/>
        <location filename="../../desktop_app/ui/reports/report_export.py" line="61"/>
        <location filename="../../desktop_app/ui/reports/report_summary.py" line="38"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/report_words.py" line="56"/>
        <location filename="../../desktop_app/ui/reports/report_summary.py" line="25"/>
        <source>as of {moment}</source>
        <translation>截至 {moment}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_summary.py" line="45"/>
        <source>Gift cards</source>
        <translation>礼品卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_summary.py" line="52"/>
        <source>{name}: {value}</source>
        <comment>one figure of a report&apos;s totals</comment>
        <translation>{name}：{value}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="268"/>
        <source>Uses redeemed per day</source>
        <translation>每日核销次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="270"/>
        <source>Net sales per day ({currency})</source>
        <translation>每日净销售额（{currency}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="284"/>
        <source>vouchers with uses left that expire within 30 days</source>
        <translation>30 天内到期且仍有剩余次数的卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="285"/>
        <source>cards with money on them that can still be spent</source>
        <translation>仍有余额且可继续消费的礼品卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="111"/>
        <source>Double-click a row to see the redemptions behind it.</source>
        <translation>双击一行，查看其中的核销记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="324"/>
        <source>{group} — attempts: {count}</source>
        <translation>{group} — 核销记录：{count} 条</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_export.py" line="42"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_export.py" line="43"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_export.py" line="44"/>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="365"/>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/report_printing.py" line="25"/>
        <source>Print the report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="384"/>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/reports_tab.py" line="394"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="22"/>
        <source>Refunds of orders from before the backup paid back {money}: after the restore those orders show as not refunded. Do not pay them back a second time.</source>
        <translation>备份之前的订单的退款共退还 {money}：恢复后这些订单会显示为未退款。请勿再次退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="27"/>
        <source>Refunds of orders from before the backup (they paid no money back): after the restore those orders show as not refunded.</source>
        <translation>备份之前的订单的退款（未退还任何金额）：恢复后这些订单会显示为未退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="31"/>
        <source>Refunds of orders made since paid back {money}: those orders and their refunds are lost.</source>
        <translation>此后新建订单的退款共退还 {money}：这些订单及其退款都会丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="36"/>
        <source>Refunds of orders made since (they paid no money back) are lost with their orders.</source>
        <translation>此后所下订单的退款（未退还任何金额）会随订单一起丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="45"/>
        <source>Gift-card changes since (reloads, refunds), lost with their orders: {changes}; reloaded money lost: {money}.</source>
        <translation>此后随订单一起丢失的礼品卡变动（充值、退款）：{changes} 项；丢失的充值金额：{money}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="50"/>
        <source>Cash-outs of gift cards sold since this backup: {count}; paid out in cash: {money}. They are lost with their cards.</source>
        <translation>此备份之后售出的礼品卡的提现：{count} 笔；已付出现金：{money}。它们会随这些卡一起丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="61"/>
        <source>Passwords changed since this backup come back as they were then (a recovery too): {names} log in with the password they had when the backup was made.</source>
        <translation>此备份之后修改过的密码（包括找回密码）将恢复为当时的样子：{names} 需用备份时的密码登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="66"/>
        <source>The recovery key comes back as it was when the backup was made: the newer one stops working.</source>
        <translation>恢复密钥将恢复为备份时的那一个：较新的恢复密钥将失效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="77"/>
        <source>This is the other computer&apos;s final backup, made {moment} when the shop was moved: nothing done there is missing.</source>
        <translation>这是另一台电脑在迁移店铺时（{moment}）写入的最终备份：那台电脑上的操作都在其中，没有缺失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="80"/>
        <source>This backup was made {moment}. Anything done on the other computer after that time (redemptions, gift-card spending, sales) is not in it: those vouchers would look unused here and could be used a second time. If the other computer still works, use Shop → Move to another computer… there and restore that final backup instead.</source>
        <translation>这份备份写于 {moment}。此后在另一台电脑上的任何操作（核销、礼品卡消费、销售）都不在其中：那些卡券在这里会显示为未使用，可能被再次使用。如果另一台电脑还能用，请在那台电脑上使用“店铺 → 迁移到另一台电脑…”，然后改为恢复那份最终备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="102"/>
        <source>A newer backup of this shop is in the same folder: {file}, made {moment}. This one lacks what was done between them: restore that one instead.</source>
        <translation>同一文件夹中有本店更新的备份：{file}，写于 {moment}。这份备份缺少两者之间的操作：请改为恢复那一份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="111"/>
        <source>The folder this backup is in remembers newer records of this shop than the backup holds (a newer backup was written there). Vouchers redeemed in those records could be redeemed again, so after this restore redeeming stays stopped until an owner checks it in Verify and acknowledges. Restore the newest backup instead.</source>
        <translation>这份备份所在的文件夹记得本店比该备份更新的记录（那里写入过更新的备份）。这些记录中已核销的卡券可能被再次核销，因此恢复后将暂停核销，直到店主在“校验数据库”中检查并确认问题。请改为恢复最新的备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="118"/>
        <source>This computer saw newer records of this shop than this backup holds, and they are not in this folder (it holds no shop). Vouchers redeemed in them could be redeemed again, so after this restore redeeming stays stopped until an owner checks the latest redemptions in Verify and acknowledges. Restore a newer backup if you have one.</source>
        <translation>这台电脑见过比这份备份更新的店铺记录，但它们不在这个文件夹里（这里没有店铺）。这些记录中已核销的卡券可能被再次核销，因此恢复后将暂停核销，直到店主在“校验数据库”中核对最近的核销记录并确认问题。如果有更新的备份，请恢复那一份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="125"/>
        <source>The shop&apos;s current data is too damaged to read, so its records newer than this backup (this computer saw them) cannot be carried over: they stay in the damaged data, which the restore keeps in a before-restore folder. Vouchers redeemed since the backup could be redeemed again, so after this restore redeeming stays stopped until an owner checks the latest redemptions in Verify and acknowledges.</source>
        <translation>店铺当前的数据已损坏，无法读取，因此其中比这份备份更新的记录（这台电脑见过它们）无法带入：它们留在已损坏的数据中，恢复时会把这些数据保存在“before-restore”文件夹里。备份之后已核销的卡券可能被再次核销，因此恢复后将暂停核销，直到店主在“校验数据库”中核对最近的核销并确认问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="149"/>
        <source>Lost since this backup — orders: {orders}; refunds: {refunds}; operator changes: {operators}; other changes (products, settings, card-key imports): {other}. Carried over: every redemption the shop&apos;s data holds ({redemptions}: the uses they took stay used, what each voucher has left stays usable), vouchers voided and operators disabled.</source>
        <translation>自这份备份以来会丢失的内容——订单：{orders}；退款：{refunds}；操作员更改：{operators}；其他更改（商品、设置、卡密导入）：{other}。会保留：店铺数据中的全部核销记录（{redemptions} 次：已核销的次数仍算已用，卡券剩余的次数照常可用）、已作废的卡券和已停用的操作员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="156"/>
        <source>Lost since this backup — orders: {orders}; refunds: {refunds}; operator changes: {operators}; other changes (products, settings, card-key imports): {other}. Carried over: vouchers voided and operators disabled.</source>
        <translation>自这份备份以来会丢失的内容——订单：{orders}；退款：{refunds}；操作员更改：{operators}；其他更改（商品、设置、卡密导入）：{other}。会保留：已作废的卡券和已停用的操作员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="167"/>
        <source>Since this backup the shop was moved to the server {server}: what was done on the server since the move (sales, redemptions, refunds) is not in this backup and is not carried over. Stop the counters on the server first.</source>
        <translation>此备份之后，店铺已迁移到服务器 {server}：迁移后在服务器上完成的操作（销售、核销、退款）不在此备份中，也不会被带过来。请先停止服务器上的各收银台。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="173"/>
        <source>This shop was moved to another computer with the final backup {backup}. Restoring makes it work on this computer again: do it only if the shop is not used on the other computer any more, or a voucher could be used on both.</source>
        <translation>本店已通过最终备份 {backup} 迁移到另一台电脑。恢复后，店铺会在这台电脑上重新启用：只有在另一台电脑已不再使用本店时才这样做，否则同一张卡券可能在两台电脑上都被使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="179"/>
        <source>Card keys handed out since: {keys}. They stay out of stock (their orders are lost).</source>
        <translation>此后已发出的卡密：{keys} 个。它们不会回到库存（其订单会丢失）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="143"/>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="281"/>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="339"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="91"/>
        <source>The backup file (.vsbackup)</source>
        <translation>备份文件（.vsbackup）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="93"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="104"/>
        <source>Use the recovery key</source>
        <translation>使用恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="107"/>
        <source>7 groups of 4, as written on paper</source>
        <translation>7 组、每组 4 个字符，与纸上所写一致</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="113"/>
        <source>Backup file:</source>
        <translation>备份文件：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="114"/>
        <source>Owner:</source>
        <translation>店主账号：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="115"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="116"/>
        <source>Recovery key:</source>
        <translation>恢复密钥：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="125"/>
        <source>The name and password of an owner as they were when the backup was made: the backup is opened with its own keys.</source>
        <translation>只能用做备份时的店主账号和密码打开：备份用它自己的密钥解锁。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="128"/>
        <source>A password changed or recovered since does not open an older backup: use the shop&apos;s recovery key instead.</source>
        <translation>之后修改或找回的密码打不开较早的备份：请改用店铺的恢复密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="136"/>
        <source>Bring the shop to this computer from the other computer&apos;s backup.</source>
        <translation>用另一台电脑的备份，把店铺搬到这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="138"/>
        <source>Put the shop back as it was when a backup was made.</source>
        <translation>把店铺恢复到做备份时的样子。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="142"/>
        <source>Restore a backup from another computer</source>
        <translation>从另一台电脑恢复备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="147"/>
        <source>The shop is set up here from the backup: its data, operators and passwords as they were when it was made. Nothing done on the other computer after that is in it, so the backup to restore is the final one that Shop → Move to another computer… makes there.</source>
        <translation>店铺将按备份在这里建立：数据、操作员和密码都是备份时的样子。此后在另一台电脑上的操作都不在其中，因此应恢复在那台电脑上用“店铺 → 迁移到另一台电脑…”写入的最终备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="151"/>
        <source>Restoring closes the shop and replaces all its data with the backup&apos;s: orders, payments and other changes made since the backup are no longer in the shop; redemptions made since are carried over, and operators disabled since stay disabled. It needs the shop closed in every other window and counter. The current data is kept aside in a “before-restore” folder inside the shop folder. Afterwards everyone logs in again, with the passwords the backup knows.</source>
        <translation>恢复会关闭店铺，并用备份中的数据替换全部数据：备份之后的订单、付款和其他更改将不再保留；备份之后的核销记录会被带入，备份之后停用的操作员仍保持停用。恢复前须在其他所有窗口和收银台关闭本店。当前数据会另存到店铺文件夹中的“before-restore”文件夹。恢复后所有人都要用备份中的密码重新登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="176"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="179"/>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="290"/>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="344"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="187"/>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="215"/>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="229"/>
        <source>A whole backup of this shop, made {moment}.</source>
        <translation>这是本店的完整备份，制作于 {moment}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="230"/>
        <source>A whole backup, made {moment}.</source>
        <translation>完整备份，写于 {moment}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="231"/>
        <source>A whole backup, made {moment}. Restoring checks that it is this shop&apos;s.</source>
        <translation>完整备份，制作于 {moment}。恢复时会核对它是否属于本店。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="282"/>
        <source>Close the shop and replace all its data with the backup made {moment}?</source>
        <translation>关闭店铺，并用 {moment} 制作的备份替换全部数据？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="286"/>
        <source>Everyone working in this shop on this computer is logged out. The current data is kept in a “before-restore” folder.</source>
        <translation>在这台电脑上使用本店的所有人都会被退出登录。当前数据会保存在“before-restore”文件夹中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="288"/>
        <source>Close the shop and restore</source>
        <translation>关闭店铺并恢复</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="312"/>
        <source>Checking the backup and the password…</source>
        <translation>正在检查备份和密码…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="342"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="143"/>
        <source>The shop&apos;s current data cannot be read, so what the backup lacks is unknown: everything since the backup may be lost.</source>
        <translation>无法读取店铺的当前数据，因此不清楚备份缺少哪些内容：备份之后的所有数据都可能丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_loss_text.py" line="132"/>
        <source>This computer saw newer records of this shop than this backup and the shop&apos;s current data both hold: the data was put back to an older copy. Vouchers redeemed in those records could be redeemed again, so after this restore redeeming stays stopped until an owner checks it in Verify and acknowledges. Restore a newer backup if you have one.</source>
        <translation>本电脑见过此店铺更新的记录，而这份备份和店铺当前数据都没有：数据曾被换回旧副本。这些记录中已核销的卡券可能被再次核销，因此恢复后核销仍会停止，直到店主在“校验”中检查并确认。如有更新的备份，请恢复那一份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_dialog.py" line="342"/>
        <source>Restore anyway</source>
        <translation>仍要恢复</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/restore_loss_texts.py" line="10"/>
        <source>One of those orders was paid ({money}): its vouchers ({vouchers}), already with the customer, will be refused as unknown after the restore. Note the customer, and sell or issue those vouchers again.</source>
        <translation>其中 1 个订单已收款（{money}）：它的卡券（{vouchers} 张）已在顾客手中，恢复后核销时会被当作不存在的券码拒绝。请记下这位顾客，重新售出或发放这些卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/restore_loss_texts.py" line="14"/>
        <source>{count} of those orders were paid ({money}): their vouchers ({vouchers}), already with customers, will be refused as unknown after the restore. Note their customers, and sell or issue those vouchers again.</source>
        <translation>其中 {count} 个订单已收款（{money}）：它们的卡券（{vouchers} 张）已在顾客手中，恢复后核销时会被当作不存在的券码拒绝。请记下这些顾客，重新售出或发放这些卡券。</translation>
    </message>
</context>
<context>
    <name>RestoreNotice</name>
    <message>
        <location filename="../../desktop_app/messages/restore_notice_texts.py" line="15"/>
        <source>A restore of a backup did not finish: it was started {started}, and the computer stopped or the program was closed during it. It was undone at {settled}: the shop is as it was before that restore, nothing in it was lost, and the backup is not in it. Run the restore again if you still want the backup.</source>
        <translation>一次恢复备份没有完成：它开始于 {started}，进行中电脑停止运行或程序被关闭。它已于 {settled} 撤销：店铺保持恢复之前的样子，其中没有丢失任何内容，备份也没有恢复进来。如果仍需要该备份，请重新运行恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/restore_notice_texts.py" line="20"/>
        <source>A restore of a backup stopped before its last step: it was started {started}. That step was done at {settled}, so the restore is complete: the shop holds the backup made {backup}. The data the backup replaced is kept in the folder {folder}.</source>
        <translation>一次恢复备份在最后一步之前停止了：它开始于 {started}。这一步已于 {settled} 完成，恢复已经完成：店铺现在是 {backup} 制作的备份。被备份替换的数据保存在文件夹 {folder} 中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/restore_notice_texts.py" line="25"/>
        <source>The shop owner is told this too at their next login.</source>
        <translation>店主下次登录时也会看到这条提示。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/restore_notice_texts.py" line="27"/>
        <source>at a time not recorded</source>
        <translation>（时间未记录）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/restore_notice_texts.py" line="47"/>
        <source>This shop&apos;s data was just upgraded for this version of Voucher Shop. Update Voucher Shop on every other computer that opens this shop before using it there: older versions cannot open it any more, nor restore the backups made from now on.</source>
        <translation>本店的数据刚刚为这个版本的 Voucher Shop 升级。在其他会打开本店的电脑上使用之前，请先把那里的 Voucher Shop 也更新：旧版本再也无法打开本店，也无法恢复从现在起制作的备份。</translation>
    </message>
</context>
<context>
    <name>ScanFailures</name>
    <message>
        <location filename="../../desktop_app/ui/counter/scan_failures.py" line="77"/>
        <source>the shop&apos;s server cannot be reached</source>
        <translation>无法连接店铺的服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/scan_failures.py" line="126"/>
        <source>the shop file was in use</source>
        <translation>店铺文件正被占用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/scan_failures.py" line="128"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/scan_failures.py" line="130"/>
        <source>the connection to the server broke: nothing was saved</source>
        <translation>与服务器的连接中断：没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/scan_failures.py" line="132"/>
        <source>the shop&apos;s server did not answer</source>
        <translation>店铺的服务器没有响应</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/scan_failures.py" line="134"/>
        <source>the shop&apos;s server refused this counter&apos;s login</source>
        <translation>店铺的服务器拒绝了本收银台的登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/scan_failures.py" line="136"/>
        <source>an unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/scan_failures.py" line="175"/>
        <source>Checked with the shop&apos;s server: the scan of {code} ({time}) was not saved, so nothing was taken. Scan it again.</source>
        <translation>已向店铺服务器核实：{code}（{time}）的那次扫码没有保存，没有扣除任何内容。请重新扫码。</translation>
    </message>
</context>
<context>
    <name>ScanSettingsPanel</name>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="56"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="59"/>
        <source>Enter (most scanners)</source>
        <translation>回车（大多数扫码枪）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="60"/>
        <source>Tab</source>
        <translation>Tab 键</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="66"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="67"/>
        <source>never</source>
        <translation>不自动清除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="72"/>
        <source>The scanner ends a code with:</source>
        <translation>扫码枪在券码后发送：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="73"/>
        <source>Without Enter, take the code after a pause of:</source>
        <translation>不发送回车时，停顿多久后提交：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="74"/>
        <source>Clear the verdict after:</source>
        <translation>结果显示时长：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="76"/>
        <source>These settings belong to this computer. Most scanners send Enter after each code; for one that sends nothing, the code is taken after the pause.</source>
        <translation>这些设置只对这台电脑有效。大多数扫码枪在每个券码后发送回车；不发送回车的扫码枪，会在停顿后自动提交。</translation>
    </message>
</context>
<context>
    <name>ScanTestField</name>
    <message>
        <location filename="../../desktop_app/ui/admin/scan_test.py" line="27"/>
        <source>Click here and scan a voucher</source>
        <translation>点击此处，然后扫一张券</translation>
    </message>
</context>
<context>
    <name>ServerAwayStatus</name>
    <message>
        <location filename="../../desktop_app/ui/server_away.py" line="57"/>
        <source>⚠ The shop&apos;s server refuses this counter</source>
        <translation>⚠ 店铺服务器拒绝了本收银台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_away.py" line="60"/>
        <source>⚠ The shop&apos;s server is not answering</source>
        <translation>⚠ 店铺服务器没有响应</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_away.py" line="62"/>
        <source>Nothing saved is lost. Redeeming and changes wait for the server; every screen reads the shop again by itself when the server is back.</source>
        <translation>已保存的内容不会丢失。核销和更改需等待服务器；服务器恢复后，各个界面会自动重新读取店铺数据。</translation>
    </message>
</context>
<context>
    <name>SessionTexts</name>
    <message>
        <location filename="../../desktop_app/messages/session_texts.py" line="23"/>
        <source>Since it opened, this session redeemed one voucher that the files now in the shop folder may lack: {codes}.</source>
        <translation>本次会话打开以来核销了 1 张卡券，店铺文件夹中现有的文件可能没有这条记录：{codes}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/session_texts.py" line="26"/>
        <source>Since it opened, this session redeemed {count} vouchers that the files now in the shop folder may lack: {codes}.</source>
        <translation>本次会话打开以来核销了 {count} 张卡券，店铺文件夹中现有的文件可能没有这些记录：{codes}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/session_texts.py" line="29"/>
        <source>Write it down before you log out: if the shop then says its records are older, acknowledging that makes it redeemable again. The log file names it too, by voucher and order number (Help → Open the log folder).</source>
        <translation>退出登录前请把它记下来：如果之后店铺提示记录较旧，确认问题会让这张卡券可以再次核销。日志文件也按卡券编号和订单号记录了它（帮助 → 打开日志文件夹）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/session_texts.py" line="33"/>
        <source>Write them down before you log out: if the shop then says its records are older, acknowledging that makes them redeemable again. The log file names them too, by voucher and order number (Help → Open the log folder).</source>
        <translation>退出登录前请把它们记下来：如果之后店铺提示记录较旧，确认问题会让这些卡券可以再次核销。日志文件也按卡券编号和订单号记录了它们（帮助 → 打开日志文件夹）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/session_texts.py" line="37"/>
        <source>{code} ({time}, {operator})</source>
        <translation>{code}（{time}，{operator}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/session_texts.py" line="38"/>
        <source>{codes} and {more} more</source>
        <translation>{codes}，另有 {more} 张</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/session_texts.py" line="40"/>
        <source>{codes}; {code}</source>
        <translation>{codes}；{code}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/session_texts.py" line="42"/>
        <source>The red bar above names the voucher this session redeemed before: write it down before you log out.</source>
        <translation>上方红条列出了本次会话之前核销的卡券：退出登录前请把它记下来。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/session_texts.py" line="45"/>
        <source>The red bar above names the {count} vouchers this session redeemed before: write them down before you log out.</source>
        <translation>上方红条列出了本次会话之前核销的 {count} 张卡券：退出登录前请把它们记下来。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="63"/>
        <source>US (QWERTY)</source>
        <translation>美式（QWERTY）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="64"/>
        <source>German (QWERTZ)</source>
        <translation>德式（QWERTZ）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="65"/>
        <source>French (AZERTY)</source>
        <translation>法式（AZERTY）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="79"/>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="95"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="85"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="86"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="93"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="93"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="96"/>
        <source>The shop&apos;s settings are saved in the shop; this computer&apos;s stay here.</source>
        <translation>店铺设置保存在店铺中；本机设置只保存在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="112"/>
        <source>Address and phone, printed under the name</source>
        <translation>地址和电话，印在店名下方</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="115"/>
        <source>A short note at the foot of every voucher</source>
        <translation>印在每张卡券底部的简短说明</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="120"/>
        <source>No end</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="121"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="123"/>
        <source>0.00: never</source>
        <translation>0.00：不允许</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="130"/>
        <source>At the counter: Look up, then scan the card.</source>
        <translation>在收银台：点“查询”，然后扫描卡。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="133"/>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="134"/>
        <source>Address / phone:</source>
        <translation>地址 / 电话：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="135"/>
        <source>Note on vouchers:</source>
        <translation>卡券备注：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="136"/>
        <source>Currency:</source>
        <translation>货币：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="137"/>
        <source>Default validity:</source>
        <translation>默认有效期：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="138"/>
        <source>Gift card cash-out up to:</source>
        <translation>礼品卡提现上限：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="126"/>
        <source>Clerks may reload and cash out gift cards</source>
        <translation>核销员可以为礼品卡充值和提现</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="142"/>
        <source>Changing the currency changes how prices are shown, not the amounts. The default validity is proposed for new products. A gift card&apos;s remainder up to the cash-out amount can be paid out in cash: on the Orders tab under the card, or at the counter under a looked-up card.</source>
        <translation>更改货币只改变价格的显示方式，不改变金额。默认有效期用于新建商品时的建议值。礼品卡不超过提现上限的余额可以现金付出：在订单页的卡下方，或在收银台查询到的卡下方。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="154"/>
        <source>Play a sound with each verdict</source>
        <translation>每次核销结果都播放提示音</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="157"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="164"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="165"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="168"/>
        <source>A4 sheet</source>
        <translation>A4 纸</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="168"/>
        <source>Receipt 58 mm</source>
        <translation>58 毫米小票</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="169"/>
        <source>Receipt 80 mm</source>
        <translation>80 毫米小票</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="174"/>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="248"/>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="174"/>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="248"/>
        <source>Tab</source>
        <translation>Tab 键</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="180"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="185"/>
        <source>Station name:</source>
        <translation>收银台名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="186"/>
        <source>Sounds:</source>
        <translation>声音：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="187"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="188"/>
        <source>Lock after no use for:</source>
        <translation>无人使用多久后锁定：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="189"/>
        <source>Voucher paper:</source>
        <translation>卡券纸张：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="190"/>
        <source>Receipt printer:</source>
        <translation>小票打印机：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="191"/>
        <source>Camera:</source>
        <translation>摄像头：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="192"/>
        <source>Camera resolution:</source>
        <translation>摄像头分辨率：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="193"/>
        <source>Scanner ends a code with:</source>
        <translation>扫码枪在券码后发送：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="194"/>
        <source>Scanner burst gap:</source>
        <translation>扫码枪按键间隔：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="200"/>
        <source>Try the scanner:</source>
        <translation>测试扫码枪：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="204"/>
        <source>The station name is recorded with every redemption from this computer. A new language shows at the next start.</source>
        <translation>每次在这台电脑上核销都会记录收银台名称。更改语言后，下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="214"/>
        <source>The system&apos;s default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="219"/>
        <source>{printer} (not found)</source>
        <translation>{printer}（未找到）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="238"/>
        <source>Camera {number}</source>
        <translation>摄像头 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="240"/>
        <source>{camera} (not found)</source>
        <translation>{camera}（未找到）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="250"/>
        <source>{count} characters, ending with {end}; the longest gap {gap} ms.</source>
        <translation>{count} 个字符，结尾键：{end}；最长间隔 {gap} 毫秒。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="252"/>
        <source>{count} characters, ending with {end}; scanned with the focus elsewhere, so not redeemed and not timed: click here and scan again to see its timing.</source>
        <translation>{count} 个字符，结尾键：{end}；扫描时光标不在此框，因此未核销、未计时：点击此框再扫一次即可看到间隔。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="272"/>
        <source>Scan the QR code or printed code of one of this shop&apos;s vouchers to see which keyboard layout the scanner types in.</source>
        <translation>扫一张本店卡券的二维码或印刷券码，即可看出扫码枪按哪种键盘布局输入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="276"/>
        <source>Looks like: {layout} keyboard layout (OK).</source>
        <translation>看起来是：{layout}键盘布局（正常）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="278"/>
        <source>Looks like a {layout} keyboard layout: codes are read correctly anyway.</source>
        <translation>看起来是{layout}键盘布局：券码仍能正确识别。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/settings_dialog.py" line="280"/>
        <source>Looks like a {layout} keyboard layout: QR codes are read correctly anyway, printed codes are not. Set the scanner to the keyboard layout of this computer.</source>
        <translation>看起来是{layout}键盘布局：二维码仍能正确识别，但印刷券码不能。请把扫码枪设置为与这台电脑相同的键盘布局。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/owner_computer.py" line="29"/>
        <source>The shop&apos;s owner sets this: log in as the owner to change it.</source>
        <translation>此项由店主设置：请用店主账号登录后修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/owner_computer.py" line="44"/>
        <source>The station name and the lock after no use are set by the shop&apos;s owner.</source>
        <translation>收银台名称和无人使用后的自动锁定由店主设置。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/owner_computer.py" line="85"/>
        <source>Station name in use</source>
        <translation>收银台名称已被使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/owner_computer.py" line="86"/>
        <source>Another counter has used the name “{station}” in the last {days} days; two PCs with one name are counted as one in reports. Save this name anyway?</source>
        <translation>最近 {days} 天内另一个收银台用过名称“{station}”；两台电脑用同一个名称，在报表中会算作一个收银台。仍然保存这个名称吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/owner_computer.py" line="90"/>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/owner_computer.py" line="91"/>
        <source>Choose another name</source>
        <translation>换个名称</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="82"/>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="124"/>
        <source>Create your shop</source>
        <translation>创建店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="91"/>
        <source>Welcome to Voucher Shop</source>
        <translation>欢迎使用 Voucher Shop</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="92"/>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="130"/>
        <source>Create your shop. You will be its owner and can add clerks later.</source>
        <translation>创建您的店铺。您将成为店主，之后可以添加核销员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="159"/>
        <source>e.g. Sunny Car Wash</source>
        <translation>例如：阳光洗车</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="169"/>
        <source>The name you will log in with</source>
        <translation>登录账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="172"/>
        <source>At least {minimum} characters</source>
        <translation>至少 {minimum} 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="184"/>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="185"/>
        <source>Currency:</source>
        <translation>货币：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="137"/>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="186"/>
        <source>Owner name:</source>
        <translation>店主账号：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="123"/>
        <source>Connect this counter</source>
        <translation>连接本收银台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="126"/>
        <source>The shop is on this server already: log in with your operator name and password, and this PC becomes one of its counters.</source>
        <translation>店铺已在这台服务器上：请用您的账号和密码登录，本机即成为它的一个收银台。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="128"/>
        <source>Once the shop&apos;s server answers, you log in to the shop there, or create it there if it has none yet.</source>
        <translation>店铺服务器响应后，即可登录其中的店铺；如果服务器上还没有店铺，则在那里创建。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="137"/>
        <source>Operator name:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="138"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="139"/>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="139"/>
        <source>Look for the shop</source>
        <translation>查找店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="141"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="187"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="193"/>
        <source>Repeat password:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="218"/>
        <source>Keep the owner password safe. The shop is encrypted: without an operator&apos;s password nobody can open it, not even with its files.</source>
        <translation>请妥善保管店主密码。店铺数据已加密：没有操作员密码，任何人都无法打开，即使拿到数据文件也不行。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="220"/>
        <source>Shop folder: {folder}</source>
        <translation>店铺文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="243"/>
        <source>Restore a backup from another computer…</source>
        <translation>从另一台电脑恢复备份…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="310"/>
        <source>12 or more characters mixing letters, digits and symbols are much harder to guess.</source>
        <translation>使用 12 个以上字符，并混合字母、数字和符号，会难猜得多。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="364"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="411"/>
        <source>The shop could not be created: the disk that holds {folder} is full. Nothing was made there. Free some space on that disk, then click Create shop again.</source>
        <translation>无法创建店铺：{folder} 所在的磁盘已满，那里没有留下任何文件。请在该磁盘上腾出空间，然后再次点击“创建店铺”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="142"/>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="231"/>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="365"/>
        <source>Creating the encrypted shop…</source>
        <translation>正在创建加密店铺…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="140"/>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="240"/>
        <source>Create shop</source>
        <translation>创建店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_dialog.py" line="240"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>ShopPlace</name>
    <message>
        <location filename="../../desktop_app/ui/session/setup_place.py" line="38"/>
        <source>This PC only</source>
        <translation>仅本机</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_place.py" line="39"/>
        <source>Connect to the shop&apos;s server</source>
        <translation>连接店铺服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_place.py" line="44"/>
        <source>Several counters share one shop on a PostgreSQL server. If the shop is already there, this PC joins it as one more counter: log in below with your operator name and password. Otherwise it is created there. The server&apos;s own password comes from PGPASSWORD or .pgpass.</source>
        <translation>多个收银台通过 PostgreSQL 服务器共用一个店铺。如果店铺已在服务器上，本机将作为又一个收银台加入：请在下方用您的账号和密码登录；否则会在服务器上新建店铺。服务器自身的密码取自 PGPASSWORD 或 .pgpass。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/session/setup_place.py" line="90"/>
        <source>Looking for the shop on the server…</source>
        <translation>正在服务器上查找店铺…</translation>
    </message>
</context>
<context>
    <name>ShopSession</name>
    <message>
        <location filename="../../desktop_app/ui/shop_session.py" line="247"/>
        <source>Scans kept at the lock screen more than a minute ago were not redeemed: {count}. Scan those vouchers again.</source>
        <translation>锁定界面保留超过一分钟的扫码未核销：{count} 张。请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/shop_session.py" line="321"/>
        <source>The automatic backup failed: {reason}</source>
        <translation>自动备份失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/shop_session.py" line="352"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_request.py" line="50"/>
        <source>The backup made {moment} is restored. Log in with a password as it was then.</source>
        <translation>已恢复 {moment} 制作的备份。请使用当时的密码登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_request.py" line="54"/>
        <source>The backup made {moment} is restored. Log in with a password as it was then. The data from before is kept in {folder}.</source>
        <translation>已恢复 {moment} 制作的备份。请使用当时的密码登录。恢复前的数据保存在 {folder}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_request.py" line="59"/>
        <source>If you do not know that password, type your name and click “Owner password forgotten?”: the recovery key sets a new one.</source>
        <translation>如果不知道那个密码，请输入您的账号并点击“忘记店主密码？”：用恢复密钥设置新密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_request.py" line="63"/>
        <source>Redeeming stays stopped: the folder of this backup remembers newer records of this shop. Restore the newest backup, or check it with Verify.</source>
        <translation>核销仍然暂停：这份备份所在的文件夹记得本店更新的记录。请恢复最新的备份，或用“校验数据库”检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/restore_request.py" line="67"/>
        <source>Redeeming stays stopped: records this computer saw are in neither the backup nor the data it replaced. Check it with Verify.</source>
        <translation>核销仍然停止：本电脑见过的记录既不在备份中，也不在被替换的数据中。请用“校验”检查。</translation>
    </message>
</context>
<context>
    <name>StockWarning</name>
    <message>
        <location filename="../../desktop_app/ui/reports/stock_warning.py" line="65"/>
        <source>Low stock ({unsold} left): {names}</source>
        <translation>库存不足（剩 {unsold}）：{names}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/stock_warning.py" line="69"/>
        <source>Low stock, {count} products: {names}</source>
        <translation>库存不足，{count} 个商品：{names}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/stock_warning.py" line="72"/>
        <source>{name}: {unsold} left, warning at {threshold}</source>
        <translation>{name}：剩 {unsold}，提醒阈值 {threshold}</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../../desktop_app/ui/widgets.py" line="366"/>
        <source>Too short</source>
        <translation>太短</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets.py" line="366"/>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets.py" line="366"/>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets.py" line="366"/>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets.py" line="367"/>
        <source>Strong</source>
        <translation>强</translation>
    </message>
</context>
<context>
    <name>ThresholdEditor</name>
    <message>
        <location filename="../../desktop_app/ui/reports/stock_warning.py" line="124"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/stock_warning.py" line="125"/>
        <source>Warn in the status bar at this many unsold keys or fewer</source>
        <translation>未售卡密不超过此数量时，在状态栏提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/stock_warning.py" line="126"/>
        <source>Set</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports/stock_warning.py" line="130"/>
        <source>Low-stock warning at:</source>
        <translation>库存预警线：</translation>
    </message>
</context>
<context>
    <name>UndoPanel</name>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="105"/>
        <source>Why? For example: scanned the wrong voucher</source>
        <translation>原因？例如：扫错了券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="109"/>
        <source>Undo redemption</source>
        <translation>撤销核销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="111"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="129"/>
        <source>Undo the spend of {amount} from {code} ({product}) by {operator}, {when}? The amount goes back on the card; the record stays.</source>
        <translation>撤销 {operator} 于 {when} 从 {code}（{product}）消费的 {amount}？金额将退回卡内；记录会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="133"/>
        <source>Undo the {uses} uses of {code} ({product}) taken by one scan by {operator}, {when}? They are given back to the voucher; the records stay.</source>
        <translation>撤销 {operator}（{when}）一次扫码对 {code}（{product}）核销的 {uses} 次？次数退回到券上，原记录保留。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/redemption_panels.py" line="137"/>
        <source>Undo the redemption of {code} ({product}) by {operator}, {when}? The use is given back to the voucher; the record stays.</source>
        <translation>撤销 {operator}（{when}）对 {code}（{product}）的核销？次数退回到券上，原记录保留。</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="226"/>
        <source>Ready to scan</source>
        <translation>请扫码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="227"/>
        <source>Scan a voucher&apos;s QR code, or type its printed code.</source>
        <translation>扫描券上的二维码，或输入券上印的券码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="243"/>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="252"/>
        <source>Nothing was used · Click to dismiss</source>
        <translation>未扣次数 · 点击关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="232"/>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="255"/>
        <source>Scanned: {code}</source>
        <translation>扫描内容：{code}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="258"/>
        <source>Not redeemed</source>
        <translation>核销失败</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="270"/>
        <source>Not certain — check before charging again</source>
        <translation>结果不确定——再次扣款前请先核实</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="271"/>
        <source>Not certain — check before handing over</source>
        <translation>结果不确定——交付前请先核实</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="277"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="278"/>
        <source>Scan a voucher to see it. Nothing is used.</source>
        <translation>扫描卡券即可查看。不扣任何次数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="345"/>
        <source>Customer: {who}</source>
        <translation>顾客：{who}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="289"/>
        <source>Look-up: {left}</source>
        <translation>查询：{left}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="241"/>
        <source>1 more scan waiting</source>
        <translation>后面还有 1 次扫码在等待</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="242"/>
        <source>{count} more scans waiting</source>
        <translation>后面还有 {count} 次扫码在等待</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="291"/>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="303"/>
        <source>Look-up only — nothing was used</source>
        <translation>仅查询 — 未扣任何次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="301"/>
        <source>Look-up: {what}</source>
        <translation>查询：{what}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="311"/>
        <source>Repeat — nothing consumed</source>
        <translation>重复读取——未扣次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="313"/>
        <source>Your earlier scan ({time}) went through: its answer had been lost. Nothing more was taken.</source>
        <translation>您之前（{time}）的那次扫码已经成功，只是当时没有收到应答。没有再次扣除。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="317"/>
        <source>{code} waits for its amount: type it and press Enter.</source>
        <translation>{code} 正在等待输入金额：请输入金额后按回车。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="377"/>
        <source>Balance left {amount}</source>
        <translation>剩余余额 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="382"/>
        <source>{uses} uses taken · {left}</source>
        <translation>本次核销 {uses} 次 · {left}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="389"/>
        <source>Only {left} left, {asked} asked for. Nothing was used.</source>
        <translation>仅剩 {left} 次，要求核销 {asked} 次。未扣任何次数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="284"/>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="419"/>
        <source>valid until {date}</source>
        <translation>有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="285"/>
        <location filename="../../desktop_app/ui/counter/verdict_panel.py" line="421"/>
        <source>no expiry date</source>
        <translation>长期有效</translation>
    </message>
</context>
<context>
    <name>VerdictToast</name>
    <message>
        <location filename="../../desktop_app/ui/counter/verdict_toast.py" line="45"/>
        <source>Scanned at the counter behind this window · Click to dismiss</source>
        <translation>此窗口后方收银台的扫码结果 · 点击关闭</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="17"/>
        <source>Rolled back: the database is older than the last changes recorded on this computer. An old copy of it may have been put back, or recent changes were lost in a crash. Vouchers redeemed since may look unused again.</source>
        <translation>已回退：数据库比本机记录的最近更改还旧。可能有人放回了数据库的旧副本，或最近的更改在崩溃中丢失。此后已核销的卡券可能又显示为未使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="21"/>
        <source>Missing: the file beside the database that vouches for its latest records (anchor.bin) is not there, so a rolled-back database cannot be ruled out.</source>
        <translation>缺失：数据库旁用于证明最新记录的文件（anchor.bin）不存在，因此无法排除数据库被回退的可能。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="24"/>
        <source>Damaged: the file beside the database that vouches for its latest records (anchor.bin) is damaged or was altered, so a rolled-back database cannot be ruled out.</source>
        <translation>已损坏：数据库旁用于证明最新记录的文件（anchor.bin）已损坏或被改动过，因此无法排除数据库被回退的可能。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="28"/>
        <source>Cannot be read: the file beside the database that vouches for its latest records (anchor.bin) cannot be opened (no permission, or a folder problem), so a rolled-back database cannot be ruled out. Check the shop folder&apos;s permissions, then open the shop again.</source>
        <translation>无法读取：数据库旁用于证明最新记录的文件（anchor.bin）打不开（没有权限，或文件夹有问题），因此无法排除数据库被回退的可能。请检查店铺文件夹的权限，然后重新打开店铺。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="35"/>
        <source>Rolled back: this computer remembers newer records than the database holds. The shop folder (or the database) was put back to an older copy.</source>
        <translation>已回退：本机记得的记录比数据库中的更新。店铺文件夹（或数据库）被换回了旧副本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="38"/>
        <source>Rolled back: the backup folder remembers newer records than the database holds. The shop folder (or the database) was put back to an older copy, or another computer works on this same shop and backs up to that folder.</source>
        <translation>已回退：备份文件夹记得比数据库更新的记录。店铺文件夹（或数据库）被换回了旧副本，或者另一台电脑也在使用本店并备份到该文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="43"/>
        <source>Another computer works on this same shop: its backup in the backup folder has records this computer does not have, and this computer has records of its own in their place. Use the shop on one computer only. To bring the other computer&apos;s records in, restore its newest backup here: redemptions made on this computer are carried over, and the restore first names what else of this computer&apos;s it lacks.</source>
        <translation>另一台电脑也在使用本店：它在备份文件夹中的备份有这台电脑没有的记录，而这台电脑在相应位置有自己的记录。请只在一台电脑上使用本店。要并入另一台电脑的记录，请在这里恢复它最新的备份：这台电脑上的核销会被保留，恢复前会先列出这台电脑的其他哪些记录会缺失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="50"/>
        <source>Another copy of this shop works on this computer: it has records this one does not have, and this one has records of its own in their place. Use one copy of the shop only. To bring the other copy&apos;s records in, back it up and restore that backup here: redemptions made in this copy are carried over.</source>
        <translation>这台电脑上还有本店的另一个副本在使用：它有这个副本没有的记录，而这个副本在相应位置有自己的记录。请只使用一个副本。要并入另一个副本的记录，请备份它并在这里恢复该备份：这个副本中的核销会被保留。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="55"/>
        <source>Damaged: the record this computer keeps of the shop&apos;s latest changes was altered, so a rolled-back database cannot be ruled out.</source>
        <translation>已损坏：本机保存的店铺最新更改记录被改动过，因此无法排除数据库被回退的可能。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="58"/>
        <source>Damaged: the record kept beside the backups of the shop&apos;s latest changes was altered, so a rolled-back database cannot be ruled out.</source>
        <translation>已损坏：备份旁保存的店铺最新更改记录被改动过，因此无法排除数据库被回退的可能。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="62"/>
        <source>Cannot be read: the record this computer keeps of the shop&apos;s latest changes cannot be opened (no permission, or its folder is not a folder). That is a set-up problem on this computer, not a change to the records, but until it is fixed a rolled-back database cannot be ruled out. Check that this user may read and write Voucher Shop&apos;s own folder, then open the shop again.</source>
        <translation>无法读取：本机保存的店铺最新更改记录打不开（没有权限，或它所在的文件夹不是文件夹）。这是本机的设置问题，记录并未被改动；但在修好之前，无法排除数据库被回退的可能。请确认当前用户可以读写 Voucher Shop 自己的文件夹，然后重新打开店铺。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="68"/>
        <source>Cannot be read: the record kept beside the backups of the shop&apos;s latest changes cannot be opened (no permission, or the backup folder cannot be reached). Check the backup folder, then open the shop again.</source>
        <translation>无法读取：备份旁保存的店铺最新更改记录打不开（没有权限，或无法访问备份文件夹）。请检查备份文件夹，然后重新打开店铺。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="72"/>
        <source>Damaged: the record of an earlier integrity problem cannot be read as one. Redeeming stays stopped until an owner has checked the shop and recorded what was found.</source>
        <translation>已损坏：之前完整性问题的记录无法读取。在店主检查店铺并记录检查结果之前，核销仍保持暂停。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="76"/>
        <source>Not known whose: this folder keeps the record of an earlier integrity problem, written by an older version of Voucher Shop that did not say which shop it was for, and nothing in this shop&apos;s own records explains it. It may be this shop&apos;s, or another shop&apos;s that was in this folder before. Redeeming stays stopped until an owner has checked this shop and recorded what was found.</source>
        <translation>不知属于哪个店铺：此文件夹保留着一条较早的完整性问题记录，由旧版本写入，未注明属于哪个店铺，本店自己的记录也无法解释它。它可能属于本店，也可能属于之前放在此文件夹中的其他店铺。在店主检查本店并记录检查结果之前，核销保持暂停。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="82"/>
        <source>Cannot be read: the record of an earlier integrity problem cannot be opened (no permission, or its folder is not a folder). Check the folder&apos;s permissions, then open the shop again.</source>
        <translation>无法读取：之前完整性问题的记录打不开（没有权限，或它所在的文件夹不是文件夹）。请检查文件夹的权限，然后重新打开店铺。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="90"/>
        <source>Rolled back: this computer saw newer records than the shop&apos;s database on the server holds. The database was put back to an older copy (a pg_dump restored, a snapshot rolled back).</source>
        <translation>已回退：本机见过的记录比服务器上的店铺数据库更新。数据库被换回了旧副本（恢复了一份 pg_dump，或回滚了快照）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="107"/>
        <source>The latest backup was restored over data too damaged to read: the records newer than the backup are in that damaged data (kept in the before-restore folder in the shop folder) and could not be carried over. Vouchers redeemed since the backup may be used again. What is left: check the latest redemptions (receipts, the counters&apos; lists), then click Acknowledge to record what was found; redeeming starts again.</source>
        <translation>最新的备份恢复时覆盖了已损坏、无法读取的数据：比备份更新的记录都在这些已损坏的数据中（保存在店铺文件夹的“before-restore”文件夹里），无法带入。备份之后已核销的卡券可能被再次使用。剩下要做的：核对最近的核销（小票、各收银台的列表），然后点击“确认问题”记下发现的情况；之后即可恢复核销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="121"/>
        <source>Two computers have been working on this shop. Use the shop on one computer only: restore the other computer&apos;s newest backup here (Admin → Restore from backup) to bring its records in, then check again.</source>
        <translation>有两台电脑在使用本店。请只在一台电脑上使用：在这里恢复另一台电脑最新的备份（管理 → 从备份恢复）以并入它的记录，然后再校验一次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="127"/>
        <source>The latest backup was restored over data too damaged to read: the records newer than the backup are in that damaged data (kept in the before-restore folder in the shop folder) and could not be carried over. Vouchers redeemed since the backup may be used again. What is left: check the latest redemptions (receipts, the counters&apos; lists), then record what was found with verify --acknowledge REASON; redeeming starts again.</source>
        <translation>最新的备份恢复时覆盖了已损坏、无法读取的数据：比备份更新的记录都在这些已损坏的数据中（保存在店铺文件夹的“before-restore”文件夹里），无法带入。备份之后已核销的卡券可能被再次使用。剩下要做的：核对最近的核销（小票、各收银台的列表），然后用 verify --acknowledge 原因 记下发现的情况；之后即可恢复核销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="114"/>
        <source>A backup was restored, and the shop stays on hold: a record on this computer or beside a backup vouches for records that neither that backup nor the data it replaced holds. A newer backup of this shop, if there is one, brings them back: restore it. Otherwise, what is left: check the latest redemptions (receipts, the counters&apos; lists), then click Acknowledge to record what was found; redeeming starts again.</source>
        <translation>已恢复一份备份，但店铺仍处于暂停状态：这台电脑上或备份旁的记录证明存在一些记录，而该备份和被替换的数据中都没有。如有本店更新的备份，恢复那一份即可找回它们。否则剩下要做的：核对最近的核销（小票、各收银台的列表），然后点击“确认问题”记下发现的情况；之后即可恢复核销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="95"/>
        <source>Leave the server&apos;s database as it is, and compare with your newest pg_dump of it before selling or redeeming more. To go back to that dump, restore it with pg_restore into an empty database. Either way, once checked, acknowledge what was found here: each counter stopped so acknowledges on its own.</source>
        <translation>请保持服务器上的数据库原样，在继续销售或核销之前，先与最新的 pg_dump 进行比对。如需回到那份转储，请用 pg_restore 把它恢复到一个空数据库。无论哪种情况，核对之后都要在这里确认发现的问题：每个这样停止的收银台各自确认。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="134"/>
        <source>A backup was restored, and the shop stays on hold: a record on this computer or beside a backup vouches for records that neither that backup nor the data it replaced holds. A newer backup of this shop, if there is one, brings them back: restore it (restore FILE). Otherwise, what is left: check the latest redemptions (receipts, the counters&apos; lists), then record what was found with verify --acknowledge REASON; redeeming starts again.</source>
        <translation>已恢复一份备份，但店铺仍处于暂停状态：这台电脑上或备份旁的记录证明存在一些记录，而该备份和被替换的数据中都没有。如有本店更新的备份，恢复那一份即可找回它们（restore FILE）。否则剩下要做的：核对最近的核销（小票、各收银台的列表），然后用 verify --acknowledge 原因 记下发现的情况；之后即可恢复核销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="141"/>
        <source>Two computers have been working on this shop. Use the shop on one computer only: restore the other computer&apos;s newest backup here (restore FILE) to bring its records in, then run verify again.</source>
        <translation>有两台电脑在使用本店。请只在一台电脑上使用：在这里恢复另一台电脑最新的备份（restore 文件）以并入它的记录，然后再运行 verify。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="150"/>
        <source>An older backup was restored, and the shop stays on hold: a newer backup of this shop was beside it, {file}, and holds the records this one lacks. Restore that one (Admin → Restore from backup; restore FILE on the command line): redeeming starts again with nothing lost. Acknowledge only if that backup is gone: vouchers redeemed since this backup could then be redeemed again.</source>
        <translation>已恢复的是一份较旧的备份，店铺仍处于暂停状态：它旁边有本店更新的备份 {file}，其中有这份备份缺少的记录。请改为恢复那一份（管理 → 从备份恢复；命令行用 restore FILE）：之后即可恢复核销，不丢任何记录。只有那份备份已经没有了才确认问题：那样的话，这份备份之后核销过的卡券可能被再次核销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="174"/>
        <source>Audit event #{id} was changed after it was written.</source>
        <translation>操作日志记录 #{id} 在写入后被改动过。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="176"/>
        <source>The audit log breaks at event #{id}: an event before it was deleted, or events were put in another order.</source>
        <translation>操作日志在记录 #{id} 处断开：它之前的某条记录被删除，或记录顺序被打乱。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="181"/>
        <source>The database file fails its encryption check ({detail}): it was damaged or altered outside Voucher Shop.</source>
        <translation>数据库文件未通过加密校验（{detail}）：它在 Voucher Shop 之外被损坏或改动过。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="184"/>
        <source>The database&apos;s structure is damaged ({detail}).</source>
        <translation>数据库结构已损坏（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="186"/>
        <source>Voucher #{id}: its uses left do not match its redemptions. Part of the database may have been put back to an older copy.</source>
        <translation>卡券 #{id}：剩余次数与核销记录不符。数据库的一部分可能被换回了旧副本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="190"/>
        <source>Gift card #{id}: its balance does not match its record of what was put on it and taken off it. Its balance was changed outside Voucher Shop, or part of the database was put back to an older copy.</source>
        <translation>礼品卡 #{id}：余额与它的充值和消费记录不符。余额在 Voucher Shop 之外被改动过，或者数据库的一部分被恢复到了较旧的副本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="194"/>
        <source>Order #{id} is marked refunded but has no refund record, so the sales report does not count its money back. Check the order and the cash paid back.</source>
        <translation>订单 #{id} 标记为已退款，但没有退款记录，所以销售报表没有计入这笔退款。请核对该订单和已退还的现金。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="198"/>
        <source>Audit event #{id} is an owner&apos;s action, recorded by an operator who was not an owner at the time: someone used a clerk&apos;s password outside Voucher Shop to act as an owner. Check that event in the audit log and the list of operators, and disable any operator you did not add.</source>
        <translation>操作日志第 #{id} 条是店主才能做的操作，却由当时不是店主的操作员记录：有人在 Voucher Shop 之外用核销员的密码冒充店主。请在操作日志中核对这一条和操作员列表，并停用任何不是您添加的操作员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="207"/>
        <source>Replaced while open: the shop&apos;s files in its folder are no longer the ones this session opened (an older copy put back, the folder moved, a file deleted). Nothing more is saved in this session: close the shop and open it again (Log out, then log in).</source>
        <translation>打开期间被替换：店铺文件夹中的文件已不是本次打开的那些（放回了旧副本、文件夹被移动或文件被删除）。本次会话不再保存任何内容：请关闭店铺后重新打开（先退出登录，再登录）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="247"/>
        <source>The database file is damaged: part of it cannot be read (a disk fault or a power cut). Restore your latest backup; the restore keeps the damaged file aside.</source>
        <translation>数据库文件已损坏：其中一部分无法读取（磁盘出错或断电）。请恢复最近的备份；恢复时会把损坏的文件另存一旁。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="250"/>
        <source>The database file fails its encryption check on {count} page(s) ({pages}): it was damaged (a disk fault, a power cut) or altered outside Voucher Shop.</source>
        <translation>数据库文件有 {count} 页未通过加密校验（{pages}）：它已损坏（磁盘出错、断电），或在 Voucher Shop 之外被改动过。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="253"/>
        <source>The database&apos;s structure is damaged: SQLite&apos;s check found {count} problem(s).</source>
        <translation>数据库的结构已损坏：SQLite 检查发现 {count} 处问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="256"/>
        <source>Could not be checked, because the part of the database file that holds them is damaged: {what}.</source>
        <translation>无法检查，因为数据库文件中存放它们的部分已损坏：{what}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="259"/>
        <source>Could not be checked, because the database could not be read (another program using the shop file, or a disk problem): {what}. Check again in a moment.</source>
        <translation>无法检查，因为数据库无法读取（另一个程序正在使用店铺文件，或磁盘有问题）：{what}。请稍后再检查一次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="263"/>
        <source>the database file&apos;s encryption</source>
        <translation>数据库文件的加密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="264"/>
        <source>the database&apos;s structure</source>
        <translation>数据库的结构</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="265"/>
        <source>the audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="266"/>
        <source>the vouchers&apos; uses</source>
        <translation>卡券的使用次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="267"/>
        <source>the gift cards&apos; balances</source>
        <translation>礼品卡余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="268"/>
        <source>the refunds&apos; records</source>
        <translation>退款记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="269"/>
        <source>who did an owner&apos;s work</source>
        <translation>店主操作由谁完成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="270"/>
        <source>the file that vouches for the records</source>
        <translation>为记录作证的文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="271"/>
        <source>the records kept outside the shop folder</source>
        <translation>保存在店铺文件夹之外的记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="280"/>
        <source>Newer records than the shop holds: a record on this computer or beside a backup vouches for records the restored backup lacks. They were in the data the restore replaced, which was too damaged to read; nothing was put back to an older copy.</source>
        <translation>存在比店铺现有记录更新的记录：这台电脑上或备份旁的记录证明存在一些恢复的备份中没有的记录。它们在被恢复替换掉的数据中，而那些数据已损坏、无法读取；并没有人把数据换回旧副本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="101"/>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="144"/>
        <source>Verify database</source>
        <translation>校验数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="119"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="121"/>
        <source>Acknowledge…</source>
        <translation>确认问题…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="123"/>
        <source>Record what was found, with your reason, in the audit log and let the shop work again. Restoring a good backup is the other way.</source>
        <translation>将发现的问题连同您的理由记入操作日志，让店铺恢复运行。另一种办法是恢复一份完好的备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="125"/>
        <source>Record what was found, with your reason, in the audit log and let the shop work again. Putting the newest pg_dump back is the other way.</source>
        <translation>将发现的问题连同您的理由记入操作日志，让店铺恢复运行。另一种办法是放回最新的 pg_dump。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="133"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="149"/>
        <source>Checks the audit log&apos;s chain on the server, every voucher&apos;s uses against its redemptions, and the record of the latest audit entry kept on this computer. Problems found stop redeeming and every change at this counter until an owner puts the newest pg_dump back or acknowledges them.</source>
        <translation>检查服务器上的操作日志链、每张卡券的次数与核销记录是否相符，以及本机保存的最新操作日志记录。一旦发现问题，本收银台的核销和一切更改都会停止，直到店主放回最新的 pg_dump 或确认这些问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="154"/>
        <source>Checks the encrypted pages of the database file, its structure, the audit log&apos;s chain, every voucher&apos;s uses against its redemptions, and the record of the latest audit entry kept beside the database, on this computer and beside the backups. Problems found stop redeeming and every change until an owner restores a good backup or acknowledges them.</source>
        <translation>检查数据库文件的加密页、数据库结构、操作日志链、每张卡券的次数与核销记录是否相符，以及保存在数据库旁、本机和备份旁的最新操作日志记录。一旦发现问题，核销和一切更改都会停止，直到店主恢复一份完好的备份或确认这些问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="181"/>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="195"/>
        <source>✓ All checks passed</source>
        <translation>✓ 全部检查通过</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="197"/>
        <source>The shop&apos;s database on the server, the audit log&apos;s chain, every voucher&apos;s uses and the record kept on this computer all agree.</source>
        <translation>服务器上的店铺数据库、操作日志链、每张卡券的使用次数以及本机保存的核验记录全部一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="199"/>
        <source>The database file, its structure, the audit log, every voucher&apos;s uses and the record kept beside the database all agree.</source>
        <translation>数据库文件、数据库结构、操作日志、每张卡券的次数以及数据库旁的核验记录全部一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="207"/>
        <source>✗ Problems found: {count}</source>
        <translation>✗ 发现问题：{count} 个</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/verify_texts.py" line="101"/>
        <source>Leave the shop folder as it is, and compare with your latest good backup before selling or redeeming more. Restoring a backup keeps the current data aside.</source>
        <translation>请保持店铺文件夹原样，在继续销售或核销之前，先与最近一份完好的备份核对。恢复备份时，当前数据会另行保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="234"/>
        <source>Acknowledge the problems</source>
        <translation>确认问题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="59"/>
        <source>Why may the shop work again? (recorded in the audit log with what was found)</source>
        <translation>为什么可以让店铺恢复运行？（将与发现的问题一起记入操作日志）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="63"/>
        <source>This computer last worked with this shop in {folder}, not here. Acknowledging makes this copy the shop on this computer, and {folder} stops: do it only if that folder is gone or older.</source>
        <translation>本电脑上次使用此店铺是在 {folder}，而不是这里。确认后，这份副本将成为本电脑上的店铺，{folder} 将停止使用：只有在那个文件夹已不存在或更旧时才这样做。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="71"/>
        <source>{folder} holds redemptions this shop&apos;s data lacks ({count}): acknowledging makes those vouchers redeemable again.</source>
        <translation>{folder} 中有本店数据缺少的核销记录（{count} 条）：确认后，这些卡券将可以再次核销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="76"/>
        <source>The shop will work on the server&apos;s database as it is now. Vouchers redeemed in the records that were lost look unused again and can be redeemed a second time: check the latest redemptions first (receipts, the Redemption tab&apos;s list at each counter, the server&apos;s newest pg_dump).</source>
        <translation>店铺将按服务器数据库的现状继续工作。在丢失记录中已核销的卡券会显示为未使用，可能被再次核销：请先核对最近的核销（小票、各收银台核销页的列表、服务器最新的 pg_dump）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="82"/>
        <source>The shop will work on its data as it is now. Vouchers redeemed in the records that were lost look unused again and can be redeemed a second time: check the latest redemptions (receipts, the newest backup) first.</source>
        <translation>店铺将按当前数据继续工作。丢失的记录中已核销的卡券会显示为未使用，可能被再次核销：请先核对最近的核销（小票、最新的备份）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="184"/>
        <source>This can take a minute on a shop with years of history; the counter keeps working meanwhile.</source>
        <translation>对于有多年记录的店铺，这可能需要一分钟左右；其间收银台照常工作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/verify_dialog.py" line="260"/>
        <source>The check could not run</source>
        <translation>无法进行检查</translation>
    </message>
</context>
<context>
    <name>VoucherCard</name>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="73"/>
        <source>Faulty card key</source>
        <translation>卡密失效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="74"/>
        <source>This voucher&apos;s card key was marked faulty: the customer is owed a replacement (Inventory → Card keys → Replace on order). Send or print this key anyway?</source>
        <translation>此卡券的卡密已被标记为失效：应给顾客换一个（库存 → 卡密 → 为订单更换）。仍要发送或打印这个卡密吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="77"/>
        <source>Use the faulty key</source>
        <translation>仍使用失效卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="78"/>
        <source>Do not use it</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="129"/>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="233"/>
        <source>Show key</source>
        <translation>显示卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="130"/>
        <source>Show the card key in full for a moment; each time is recorded in the audit log</source>
        <translation>短暂显示完整卡密；每次显示都会记入操作日志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="134"/>
        <source>Copy code</source>
        <translation>复制券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="135"/>
        <source>Copy the voucher code, to paste it in a message</source>
        <translation>复制券码，以便粘贴到消息中发给顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="136"/>
        <source>Copy key</source>
        <translation>复制卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="137"/>
        <source>Copy the card key in full</source>
        <translation>复制完整卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="138"/>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="139"/>
        <source>The voucher in words, to paste in a message</source>
        <translation>复制卡券的文字内容，以便粘贴到消息中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="188"/>
        <source>One card key</source>
        <translation>一个卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="225"/>
        <source>Hide key</source>
        <translation>隐藏卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="240"/>
        <source>Voucher code copied.</source>
        <translation>券码已复制。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="249"/>
        <source>Card key copied.</source>
        <translation>卡密已复制。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_card.py" line="261"/>
        <source>Voucher text copied: paste it in a message.</source>
        <translation>卡券文字已复制：请粘贴到消息中。</translation>
    </message>
</context>
<context>
    <name>VoucherPanel</name>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="149"/>
        <source>Previous voucher</source>
        <translation>上一张</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="153"/>
        <source>Next voucher</source>
        <translation>下一张</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="157"/>
        <source>A4 sheet</source>
        <translation>A4 纸</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="157"/>
        <source>58 mm receipt</source>
        <translation>58 毫米小票</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="158"/>
        <source>80 mm receipt</source>
        <translation>80 毫米小票</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="170"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="173"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="240"/>
        <source>Save and print all {count} vouchers</source>
        <translation>保存和打印全部 {count} 张卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="83"/>
        <source>Save or print every voucher of this order, not only the one shown</source>
        <translation>保存或打印此订单的全部卡券，而不只是当前显示的这张</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="156"/>
        <source>Paper for Save PDF and Print</source>
        <translation>保存 PDF 和打印所用的纸张</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="166"/>
        <source>Save QR code…</source>
        <translation>保存二维码…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="168"/>
        <source>The QR code alone, as a PNG image. The whole voucher as a picture: Send</source>
        <translation>仅保存二维码（PNG 图片）。整张卡券的图片请用“发送”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="171"/>
        <source>The printable voucher on the chosen paper</source>
        <translation>按所选纸张生成可打印的卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="176"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="177"/>
        <source>The voucher as an image on the clipboard (and saved), to paste into WeChat, QQ or an e-mail</source>
        <translation>把卡券图片复制到剪贴板（并另存一份），以便粘贴到微信、QQ 或电子邮件中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="230"/>
        <source>Voucher {position} of {count}</source>
        <translation>卡券 {position}/{count}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="231"/>
        <source>Voucher</source>
        <translation>卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="238"/>
        <source>Save and print all {count} valid vouchers ({void} void left out)</source>
        <translation>保存并打印全部 {count} 张有效卡券（不含 {void} 张已作废）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="298"/>
        <source>Voucher image copied: paste it into WeChat, QQ or an e-mail. Saved as {file}</source>
        <translation>卡券图片已复制：请粘贴到微信、QQ 或电子邮件中。已保存为 {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="304"/>
        <source>Voucher image copied: paste it into WeChat, QQ or an e-mail. It was not saved as a file: {problem}</source>
        <translation>卡券图片已复制：请粘贴到微信、QQ 或电子邮件中。但未能保存为文件：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="329"/>
        <source>Save the QR code</source>
        <translation>保存二维码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="330"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="336"/>
        <source>Save vouchers as PDF</source>
        <translation>将卡券保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="337"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="361"/>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="377"/>
        <source>Print vouchers</source>
        <translation>打印卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="397"/>
        <source>The printer could not be opened: nothing was printed. Check that it is on and connected, or choose another; to print to a PDF file, give it a file name.</source>
        <translation>无法打开打印机：未打印任何内容。请检查打印机是否已开机并连接好，或选择其他打印机；打印到 PDF 文件时，请填写文件名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_panel.py" line="404"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>VoucherSend</name>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_send.py" line="51"/>
        <source>Voucher code: {code}</source>
        <translation>券码：{code}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/orders/voucher_send.py" line="54"/>
        <source>Card key: {key}</source>
        <translation>卡密：{key}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="23"/>
        <source>usage: </source>
        <translation>用法： </translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="24"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="25"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="26"/>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="27"/>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="28"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="29"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="30"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="31"/>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="32"/>
        <source>one of the arguments %s is required</source>
        <translation>必须提供以下参数之一：%s</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="33"/>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="34"/>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="35"/>
        <source>ignored explicit argument %r</source>
        <translation>忽略了多余的参数值 %r</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="36"/>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="37"/>
        <source>expected at most one argument</source>
        <translation>最多需要一个参数值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="38"/>
        <source>expected at least one argument</source>
        <translation>至少需要一个参数值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="39"/>
        <source>expected %s argument</source>
        <translation>需要 %s 个参数值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="40"/>
        <source>expected %s arguments</source>
        <translation>需要 %s 个参数值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="41"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项有歧义：%(option)s 可匹配 %(matches)s</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="42"/>
        <source>unexpected option string: %s</source>
        <translation>意外的选项：%s</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="43"/>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>无法打开“%(filename)s”：%(error)s</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/argparse_words.py" line="45"/>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="22"/>
        <source>Product added</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="23"/>
        <source>Product changed</source>
        <translation>修改商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="24"/>
        <source>Product archived</source>
        <translation>商品下架</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="25"/>
        <source>Product restored</source>
        <translation>商品重新上架</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="26"/>
        <source>Card keys imported</source>
        <translation>导入卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="27"/>
        <source>Card key marked faulty</source>
        <translation>卡密标记为失效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="28"/>
        <source>Card key replaced</source>
        <translation>更换卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="30"/>
        <source>Order created</source>
        <translation>创建订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="31"/>
        <source>Order paid</source>
        <translation>订单付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="32"/>
        <source>Order refunded</source>
        <translation>订单退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="33"/>
        <source>Order line refunded</source>
        <translation>订单部分退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="34"/>
        <source>Order cancelled</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="35"/>
        <source>Voucher batch issued</source>
        <translation>批量发券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="36"/>
        <source>Redemption</source>
        <translation>核销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="37"/>
        <source>Redemption undone</source>
        <translation>撤销核销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="38"/>
        <source>Operator added</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="39"/>
        <source>Operator disabled</source>
        <translation>停用操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="40"/>
        <source>Operator enabled</source>
        <translation>启用操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="41"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="42"/>
        <source>Own password changed</source>
        <translation>修改自己的密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="43"/>
        <source>Owner password set with the recovery key</source>
        <translation>用恢复密钥设置店主密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="48"/>
        <source>Restore: newer records carried over</source>
        <translation>恢复备份：带入较新的记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="53"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="54"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="55"/>
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="56"/>
        <source>Gift card reloaded</source>
        <translation>礼品卡充值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="57"/>
        <source>Gift card cashed out</source>
        <translation>礼品卡余额提现</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="58"/>
        <source>Gift card balances expired</source>
        <translation>礼品卡余额过期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="59"/>
        <source>Gift card PIN set</source>
        <translation>设置礼品卡 PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="79"/>
        <source>Product #{id}</source>
        <translation>商品 #{id}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="81"/>
        <source>Card key #{id}</source>
        <translation>卡密 #{id}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="82"/>
        <source>Order #{id}</source>
        <translation>订单 #{id}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="80"/>
        <source>Voucher #{id}</source>
        <translation>卡券 #{id}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="29"/>
        <source>Returned card key put back on sale</source>
        <translation>退回的卡密已重新上架</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="44"/>
        <source>New recovery key made (any earlier one stopped working)</source>
        <translation>生成了新的恢复密钥（之前的密钥已失效）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="46"/>
        <source>Recovery key confirmed as kept (its last group typed back)</source>
        <translation>已确认保存恢复密钥（已输入其最后一组）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="49"/>
        <source>Restore stopped half-way: undone, the shop as before it</source>
        <translation>恢复备份中途停止：已撤销，店铺保持恢复之前的样子</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="51"/>
        <source>Restore stopped half-way: completed at the next login</source>
        <translation>恢复备份中途停止：已在下次登录时完成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="60"/>
        <source>Gift card: wrong PIN</source>
        <translation>礼品卡：PIN 码错误</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="61"/>
        <source>Gift card PIN locked</source>
        <translation>礼品卡 PIN 码已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="62"/>
        <source>Gift card looked up with its PIN</source>
        <translation>凭 PIN 码查询礼品卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="64"/>
        <source>Customer&apos;s vouchers searched (Find)</source>
        <translation>查找顾客的卡券（查找）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="66"/>
        <source>Refused: an owner&apos;s action tried by a clerk</source>
        <translation>已拒绝：核销员尝试店主操作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="68"/>
        <source>Card key shown in full</source>
        <translation>显示完整卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="69"/>
        <source>Card key sent to the customer</source>
        <translation>向顾客发送卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="70"/>
        <source>Shop moved to a server</source>
        <translation>店铺已迁移到服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="71"/>
        <source>Shop moved to another computer (final backup)</source>
        <translation>店铺已迁移到另一台电脑（最终备份）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="73"/>
        <source>Shop data upgraded for a new version</source>
        <translation>店铺数据已为新版本升级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="93"/>
        <source>address / phone</source>
        <translation>地址/电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="94"/>
        <source>after</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="95"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="96"/>
        <source>attempt</source>
        <translation>核销记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="97"/>
        <source>attempts</source>
        <translation>各次核销记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="98"/>
        <source>attempts left</source>
        <translation>剩余尝试次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="99"/>
        <source>automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="100"/>
        <source>balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="101"/>
        <source>before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="102"/>
        <source>blank</source>
        <translation>空行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="103"/>
        <source>backup made</source>
        <translation>备份制作时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="104"/>
        <source>grouped by</source>
        <translation>分组方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="106"/>
        <source>paid back for gift cards</source>
        <translation>礼品卡退还金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="107"/>
        <source>card key</source>
        <translation>卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="108"/>
        <source>keys</source>
        <translation>卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="109"/>
        <source>card keys kept out of stock</source>
        <translation>未回库存的卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="110"/>
        <source>cards</source>
        <translation>礼品卡数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="111"/>
        <source>as</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="112"/>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="113"/>
        <source>same number, other password</source>
        <translation>卡号相同、密码不同</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="114"/>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="115"/>
        <source>currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="116"/>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="117"/>
        <source>default validity (days)</source>
        <translation>默认有效期（天）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="118"/>
        <source>operators disabled</source>
        <translation>停用的操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="119"/>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="120"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="121"/>
        <source>events lost</source>
        <translation>丢失的事件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="122"/>
        <source>final backup</source>
        <translation>最终备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="123"/>
        <source>first voucher</source>
        <translation>首张券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="124"/>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="125"/>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="126"/>
        <source>from data format</source>
        <translation>原数据格式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="127"/>
        <source>gift card cash-out up to</source>
        <translation>礼品卡提现上限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="128"/>
        <source>clerks reload and cash out cards</source>
        <translation>核销员可充值和提现</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="129"/>
        <source>gift-card changes lost</source>
        <translation>丢失的礼品卡变动</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="130"/>
        <source>gift-card entries</source>
        <translation>礼品卡流水</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="131"/>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="132"/>
        <source>named as it joined the shop</source>
        <translation>加入店铺时命名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="133"/>
        <source>keys returned</source>
        <translation>退回卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="134"/>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="135"/>
        <source>last voucher</source>
        <translation>末张券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="136"/>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="144"/>
        <source>order line</source>
        <translation>订单明细</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="137"/>
        <source>lines</source>
        <translation>明细行数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="138"/>
        <source>low-stock warning at</source>
        <translation>低库存提醒阈值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="139"/>
        <source>malformed</source>
        <translation>格式错误</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="140"/>
        <source>payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="141"/>
        <source>cash paid out</source>
        <translation>付出现金</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="142"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="143"/>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="145"/>
        <source>whole order refunded</source>
        <translation>整单退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="146"/>
        <source>in stock under another product</source>
        <translation>已在其他商品库存中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="147"/>
        <source>used beyond what they held</source>
        <translation>超出可用次数的使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="148"/>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="149"/>
        <source>problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="150"/>
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="151"/>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="152"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="153"/>
        <source>paid back</source>
        <translation>已退还</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="154"/>
        <source>reload money lost</source>
        <translation>丢失的充值金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="155"/>
        <source>an earlier key replaced</source>
        <translation>取代了之前的密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="156"/>
        <source>replacement key</source>
        <translation>替换卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="157"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="158"/>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="159"/>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="160"/>
        <source>shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="161"/>
        <source>found and settled</source>
        <translation>发现并处理时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="162"/>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="163"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="164"/>
        <source>restore started</source>
        <translation>恢复开始时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="165"/>
        <source>station</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="166"/>
        <source>station name</source>
        <translation>收银台名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="167"/>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="168"/>
        <source>stock returned</source>
        <translation>退回库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="169"/>
        <source>to data format</source>
        <translation>新数据格式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="170"/>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="171"/>
        <source>undo</source>
        <translation>撤销记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="172"/>
        <source>until</source>
        <translation>直至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="173"/>
        <source>uses</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="174"/>
        <source>uses left</source>
        <translation>剩余次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="175"/>
        <source>value</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="177"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="178"/>
        <source>uses per voucher</source>
        <translation>每张券可用次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="179"/>
        <source>valid for (days)</source>
        <translation>有效天数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="180"/>
        <source>valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="181"/>
        <source>valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="182"/>
        <source>one key for every buyer</source>
        <translation>所有买家共用一个卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="183"/>
        <source>shortest key</source>
        <translation>卡密最短长度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="184"/>
        <source>longest key</source>
        <translation>卡密最长长度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="185"/>
        <source>key characters</source>
        <translation>卡密字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="186"/>
        <source>on sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="187"/>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="188"/>
        <source>voucher</source>
        <translation>卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="189"/>
        <source>note on vouchers</source>
        <translation>卡券备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="190"/>
        <source>vouchers</source>
        <translation>卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="191"/>
        <source>was</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="203"/>
        <source>shop settings</source>
        <translation>店铺设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="204"/>
        <source>this computer&apos;s settings</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="205"/>
        <source>backup settings</source>
        <translation>备份设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="206"/>
        <source>acknowledge a problem</source>
        <translation>确认问题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="207"/>
        <source>read the audit log</source>
        <translation>查看操作日志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="208"/>
        <source>change backup settings</source>
        <translation>修改备份设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="209"/>
        <source>see backups</source>
        <translation>查看备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="210"/>
        <source>mark a card key faulty</source>
        <translation>将卡密标记为失效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="211"/>
        <source>import card keys</source>
        <translation>导入卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="212"/>
        <source>list card keys</source>
        <translation>查看卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="213"/>
        <source>replace a card key</source>
        <translation>更换卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="214"/>
        <source>put a card key back on sale</source>
        <translation>将卡密重新上架</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="215"/>
        <source>move the shop to a server</source>
        <translation>把店铺迁移到服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="216"/>
        <source>add an operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="217"/>
        <source>enable an operator</source>
        <translation>启用操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="218"/>
        <source>disable an operator</source>
        <translation>停用操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="219"/>
        <source>list operators</source>
        <translation>查看操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="220"/>
        <source>set an operator&apos;s password</source>
        <translation>设置操作员密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="221"/>
        <source>cancel an order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="222"/>
        <source>create an order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="223"/>
        <source>list orders</source>
        <translation>列出订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="224"/>
        <source>take a payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="225"/>
        <source>refund an order</source>
        <translation>订单退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="226"/>
        <source>add a product</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="227"/>
        <source>archive a product</source>
        <translation>下架商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="228"/>
        <source>list products</source>
        <translation>查看商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="229"/>
        <source>change a product</source>
        <translation>修改商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="230"/>
        <source>confirm the recovery key</source>
        <translation>确认恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="231"/>
        <source>make a new recovery key</source>
        <translation>生成新的恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="232"/>
        <source>undo a redemption</source>
        <translation>撤销核销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="233"/>
        <source>see a report</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="234"/>
        <source>see the outstanding vouchers</source>
        <translation>查看未用完的卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="235"/>
        <source>see the redemptions report</source>
        <translation>查看核销报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="236"/>
        <source>see the sales report</source>
        <translation>查看销售报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="237"/>
        <source>see the stock report</source>
        <translation>查看库存报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="238"/>
        <source>see the unused vouchers</source>
        <translation>查看未使用的卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="239"/>
        <source>change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="240"/>
        <source>check the shop</source>
        <translation>校验数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="241"/>
        <source>issue a batch of vouchers</source>
        <translation>批量发券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="242"/>
        <source>print vouchers</source>
        <translation>打印卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="243"/>
        <source>show a voucher&apos;s QR code</source>
        <translation>显示卡券二维码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="253"/>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="254"/>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="255"/>
        <source>on screen</source>
        <translation>屏幕显示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="256"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="257"/>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="258"/>
        <source>on the phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="279"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="280"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/audit_model.py" line="304"/>
        <source>{key}: {value}</source>
        <translation>{key}：{value}</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_common.py" line="27"/>
        <source>never</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_common.py" line="38"/>
        <source>Voucher Shop backups (*{suffix})</source>
        <translation>Voucher Shop 备份 (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_common.py" line="48"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_common.py" line="82"/>
        <source>There is no operator named “{name}” in this backup. Use the name of an owner as it was when the backup was made.</source>
        <translation>此备份中没有账号“{name}”。请使用做备份时的店主账号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_common.py" line="86"/>
        <source>“{name}” is not an active owner in this backup. Only an owner of the backup can restore it.</source>
        <translation>在此备份中，“{name}”不是已启用的店主。只有备份中的店主才能恢复它。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/admin/backup_common.py" line="92"/>
        <source>Wrong password for this backup. A backup opens with the password “{name}” had when it was made: one changed or recovered since does not open it.</source>
        <translation>此备份的密码错误。备份需要用“{name}”在备份时的密码打开：之后更改或找回的密码打不开它。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../desktop_app/cli/frame.py" line="93"/>
        <source>No terminal to ask on: set {variables}.</source>
        <translation>没有可供询问的终端：请设置 {variables}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/frame.py" line="107"/>
        <location filename="../../desktop_app/cli/restore_commands.py" line="236"/>
        <source>Operator: </source>
        <translation>账号： </translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/frame.py" line="110"/>
        <source>Password: </source>
        <translation>密码： </translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/frame.py" line="119"/>
        <source>New password for {name}: </source>
        <translation>{name} 的新密码： </translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/frame.py" line="121"/>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="46"/>
        <source>Type it again: </source>
        <translation>再输入一次： </translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/frame.py" line="238"/>
        <source>no expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/frame.py" line="239"/>
        <source>valid until {until}</source>
        <translation>有效期至 {until}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="50"/>
        <source>Owner name: </source>
        <translation>店主账号： </translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="62"/>
        <source>Created the shop “{shop}” in {path}.</source>
        <translation>已在 {path} 创建店铺“{shop}”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="66"/>
        <source>Recovery key (shown only now; keep it on paper, away from this PC; it lets an owner set a new password when every owner password is forgotten):</source>
        <translation>恢复密钥（仅此一次显示；请抄在纸上，远离这台电脑保存；所有店主密码都忘记时，店主可用它设置新密码）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="238"/>
        <location filename="../../desktop_app/cli/shop_commands.py" line="77"/>
        <source>Recovery key: </source>
        <translation>恢复密钥： </translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="84"/>
        <source>New password set for {name}; the recovery key stays the same.</source>
        <translation>已为 {name} 设置新密码；恢复密钥保持不变。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="99"/>
        <source>This shop has a recovery key.</source>
        <translation>本店已有恢复密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="100"/>
        <source>This shop has no recovery key: make one with recovery-key --new.</source>
        <translation>本店没有恢复密钥：请用 recovery-key --new 生成一个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="105"/>
        <source>New recovery key (shown only now; any earlier key no longer works; keep it on paper, away from this PC):</source>
        <translation>新的恢复密钥（只显示这一次；之前的密钥已失效；请抄在纸上，不要放在这台电脑旁）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="115"/>
        <source>Added operator {name} ({role}).</source>
        <translation>已添加操作员 {name}（{role}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="64"/>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/arg_types.py" line="73"/>
        <source>expected PRODUCT_ID[:QTY], got {text!r}</source>
        <translation>应为 PRODUCT_ID[:QTY]，实际为 {text!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="91"/>
        <source>Imported {imported} card keys; refused {duplicate} duplicate, {other} already in stock under another product, {blank} blank and {malformed} malformed lines.</source>
        <translation>已导入 {imported} 个卡密；拒绝了 {duplicate} 个重复、{other} 个已在其他商品库存中、{blank} 个空行和 {malformed} 个格式错误的行。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="97"/>
        <source>The first row was taken for a header and left out: {header}.</source>
        <translation>第一行被识别为表头，未导入：{header}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="100"/>
        <source>Columns left out of every key: {ignored}.</source>
        <translation>未导入到卡密中的列：{ignored}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="103"/>
        <source>Same card number, different password or other column: {count}, left out with the duplicates; ask the supplier which one is right.</source>
        <translation>卡号相同、密码或其他列不同：{count} 个，已与重复项一起排除；请向供应商确认哪一个正确。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="108"/>
        <source>Keys from rows of several columns: {count}, each kept as one key with its columns joined by &quot;{separator}&quot; (e.g. card number{separator}password).</source>
        <translation>来自多列行的卡密：{count} 个，每行作为一个卡密，各列以“{separator}”连接（例如 卡号{separator}密码）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="113"/>
        <source>Keys with a space and then Chinese text in them (a note in the key&apos;s own cell?): {count}. They were imported as they are; check them.</source>
        <translation>含有空格和中文的卡密（是否把备注写进了卡密所在的单元格？）：{count} 个。已按原样导入，请检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="118"/>
        <source>Keys shaped unlike the others: {count} ({keys}). They were imported; if one is a stray row of the file, mark it faulty in the app (Inventory, Card keys…) before it is sold.</source>
        <translation>与其他卡密格式不同的卡密：{count} 个（{keys}）。它们已导入；如果是文件里的多余行，请在售出前在程序中将其标记为失效（库存 → 卡密…）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="130"/>
        <source>Lines refused as no key:</source>
        <translation>未被当作卡密的行：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="131"/>
        <source>  line {line}: {masked} ({reason})</source>
        <translation>  第 {line} 行：{masked}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="135"/>
        <source>  and {count} more (--json lists them all).</source>
        <translation>  另有 {count} 行（--json 会全部列出）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="167"/>
        <source>Order {order} was already paid ({method}, {when}): nothing was charged now.</source>
        <translation>订单 {order} 此前已付款（{method}，{when}）：这次没有收款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="171"/>
        <source>Paid; this order has no vouchers.</source>
        <translation>已付款；此订单没有卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="194"/>
        <source>Refunded order {order}: pay back {refund}; 1 voucher void.</source>
        <translation>订单 {order} 已退款：应退 {refund}；1 张卡券作废。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="196"/>
        <source>Refunded order {order}: pay back {refund}; {voided} vouchers void.</source>
        <translation>订单 {order} 已退款：应退 {refund}；{voided} 张卡券作废。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="200"/>
        <source>  {refund} of it for reload order {order} (paid by {method}), refunded with its card.</source>
        <translation>  其中 {refund} 属于充值订单 {order}（{method} 支付），随卡一起退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/sales_commands.py" line="205"/>
        <source>{keys} card keys are set aside as returned: the customer had them. Check them before putting them back on sale.</source>
        <translation>{keys} 个卡密已作为退回件搁置：顾客曾拿到过它们。重新上架前请先检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/redeem_command.py" line="65"/>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="83"/>
        <source>uses left {left} of {total}</source>
        <translation>剩余 {left}/{total} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="85"/>
        <source>{code}  {product}  {status}, {left}, {validity}  {customer}</source>
        <translation>{code}  {product}  {status}，{left}，{validity}  {customer}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="108"/>
        <source>{change}, balance {balance}</source>
        <translation>{change}，余额 {balance}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="120"/>
        <source>A gift card&apos;s code is hidden for a clerk: scan the card, or use `voucher cards` with its PIN.</source>
        <translation>礼品卡的券码对核销员隐藏：请扫描卡片，或用 `voucher cards` 并输入卡的 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="122"/>
        <source>No vouchers found.</source>
        <translation>未找到卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="139"/>
        <source>This voucher is void: its order was refunded or cancelled.</source>
        <translation>此卡券已作废：其订单已退款或取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="142"/>
        <source>This voucher has no uses left.</source>
        <translation>此卡券已没有剩余次数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="144"/>
        <source>This voucher has expired.</source>
        <translation>此卡券已过期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="146"/>
        <source>Its card key was marked faulty: the customer is owed a replacement (Inventory → Card keys in the app).</source>
        <translation>其卡密已被标记为失效：应给顾客换一个（在程序中：库存 → 卡密）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="149"/>
        <source>The PDF says so on the voucher.</source>
        <translation>PDF 的卡券上会注明。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="149"/>
        <source>The PNG is the QR code alone and does not say so: use a PDF for a copy.</source>
        <translation>PNG 只有二维码，不会注明：如需留底请用 PDF。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="152"/>
        <source>--layout is for a PDF; the PNG is the QR code alone.</source>
        <translation>--layout 只用于 PDF；PNG 只有二维码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="239"/>
        <source>Issued {count} vouchers (order {order}); written to {out}.</source>
        <translation>已发放 {count} 张卡券（订单 {order}），已写入 {out}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="265"/>
        <source>Paid out {amount} in cash for the {emptied} on {code}; balance {balance}.</source>
        <translation>已为 {code} 上的 {emptied} 付出现金 {amount}；余额 {balance}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/redeem_command.py" line="49"/>
        <source>Your earlier attempt {attempt} ({when}) at this station went through: {code} was redeemed then. Nothing more was taken.</source>
        <translation>本收银台之前的那次核销（记录 {attempt}，{when}）已经成功：{code} 当时已核销。这次没有再扣除。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/redeem_command.py" line="62"/>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="81"/>
        <source>balance {balance}</source>
        <translation>余额 {balance}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/redeem_command.py" line="72"/>
        <source>check group {group}</source>
        <translation>请核对第 {group} 组</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/redeem_command.py" line="79"/>
        <source>{asked} asked</source>
        <translation>要求 {asked}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/redeem_command.py" line="82"/>
        <source>last by {who} at {station}, {when}</source>
        <translation>最近一次：{who}，在 {station}，{when}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/voucher_commands.py" line="252"/>
        <source>Reloaded {code} with {amount} (order {order}); balance {balance}.</source>
        <translation>已为 {code} 充值 {amount}（订单 {order}）；余额 {balance}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/report_commands.py" line="50"/>
        <source>Wrote {rows} redemption records to {out}.</source>
        <translation>已将 {rows} 条核销记录写入 {out}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/report_commands.py" line="89"/>
        <source>{name}: {value}</source>
        <translation>{name}：{value}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/report_commands.py" line="145"/>
        <source>Wrote the {report} report ({rows} rows) to {out}.</source>
        <translation>已将{report}报表（{rows} 行）写入 {out}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="141"/>
        <source>Nothing was acknowledged; the shop stays on hold.</source>
        <translation>未作确认；店铺仍处于暂停状态。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="145"/>
        <source>Acknowledged and recorded in the audit log:</source>
        <translation>已确认并记入操作日志：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="149"/>
        <source>This computer last worked with this shop in {folder}: that folder is now held, this copy being the shop here.</source>
        <translation>本电脑上次使用此店铺是在 {folder}：那个文件夹现在已停止，这份副本成为本电脑上的店铺。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="158"/>
        <source>The database and its audit chain are intact.</source>
        <translation>数据库及其操作日志链完好。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="167"/>
        <source>This shop was moved to the server {host} (database {database}); this folder keeps it for reading only.</source>
        <translation>本店已迁移到服务器 {host}（数据库 {database}）；此文件夹中的店铺仅供查看。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="183"/>
        <source>{folder} holds redemptions this shop&apos;s data lacks ({count}): acknowledging makes those vouchers redeemable again.</source>
        <translation>{folder} 中有本店数据缺少的核销记录（{count} 条）：确认后，这些卡券将可以再次核销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="190"/>
        <source>Acknowledging lets the shop work on its data as it is now: vouchers redeemed in the lost records look unused again and can be redeemed a second time. Restore the latest backup instead if you have one; else check the latest redemptions (receipts, the newest backup) first.</source>
        <translation>确认后，店铺将按现有数据继续工作：在丢失记录中已核销的卡券会显示为未使用，可能被再次核销。如有最新备份，请改为恢复备份；否则请先核对最近的核销（小票、最新备份）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="195"/>
        <source>Acknowledging lets the shop work on its data as it is now: vouchers redeemed in the lost records look unused again and can be redeemed a second time. Check the latest redemptions first (receipts, the counters&apos; lists).</source>
        <translation>确认后，店铺将按现有数据继续工作：丢失记录中已核销的卡券会重新显示为未使用，可能被再次核销。请先核对最近的核销（小票、各收银台的列表）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="199"/>
        <source>Acknowledging lets the shop work on its data as it is now: vouchers redeemed in the lost records look unused again and can be redeemed a second time. Check the latest redemptions first (receipts, the Redemption tab&apos;s list at each counter, the server&apos;s newest pg_dump).</source>
        <translation>确认后，店铺将按现有数据继续工作：在丢失记录中已核销的卡券会显示为未使用，可能被再次核销。请先核对最近的核销（小票、各收银台核销页的列表、服务器最新的 pg_dump）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="220"/>
        <source>Acknowledge anyway? [y/N] </source>
        <translation>仍要确认吗？[y/N] </translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="236"/>
        <source>Backup written to {out}.</source>
        <translation>备份已写入 {out}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="246"/>
        <source>Final backup written to {out}. This folder now keeps the shop for reading only: nothing can be redeemed or changed in it any more. On the new computer, restore this backup (restore {out}), then work there.</source>
        <translation>最终备份已写入 {out}。此文件夹中的店铺现在只能查看：不能再核销或修改任何内容。请在新电脑上恢复这份备份（restore {out}），然后在那里工作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="273"/>
        <source>This folder could not write the move into its own audit log ({problem}). It was marked as moved before the copy, so it refuses every change all the same. Do not run migrate-to again: the shop is on the server now.</source>
        <translation>此文件夹未能把迁移写入自己的操作日志（{problem}）。它在复制前已标记为迁移中，因此同样拒绝任何修改。请不要再次运行 migrate-to：店铺现在在服务器上。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="22"/>
        <source>The current shop cannot be read, so what the backup lacks is unknown: everything since the backup may be lost.</source>
        <translation>无法读取当前店铺，因此不清楚备份缺少哪些内容：备份之后的所有数据都可能丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="25"/>
        <source>Lost since this backup — orders: {orders}; refunds: {refunds}; operator changes: {operators}; other changes (products, settings, card-key imports): {other}. Carried over: every redemption ({redemptions}), vouchers voided and operators disabled.</source>
        <translation>自这份备份以来丢失——订单：{orders}；退款：{refunds}；操作员更改：{operators}；其他更改（商品、设置、卡密导入）：{other}。保留：全部核销记录（{redemptions} 次）、已作废的卡券和已停用的操作员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="35"/>
        <source>Since this backup the shop was moved to the server {server}: what was done on the server since the move (sales, redemptions, refunds) is not in this backup and is not carried over. Stop the counters on the server first.</source>
        <translation>此备份之后，店铺已迁移到服务器 {server}：迁移后在服务器上完成的操作（销售、核销、退款）不在此备份中，也不会被带过来。请先停止服务器上的各收银台。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="72"/>
        <source>The backup was made {moment}. Anything done on the other computer after that time (redemptions, gift-card spending, sales) is not in it: those vouchers look unused here and could be used a second time. If the other computer still works, make its final backup there (Shop → Move to another computer…, or backup --out FILE --final) and restore that one instead.</source>
        <translation>这份备份写于 {moment}。此后在另一台电脑上的任何操作（核销、礼品卡消费、销售）都不在其中：那些卡券在这里会显示为未使用，可能被再次使用。如果另一台电脑还能用，请在那台电脑上写入最终备份（“店铺 → 迁移到另一台电脑…”，或 backup --out 文件 --final），然后改为恢复那一份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="108"/>
        <source>Refunds of orders from before the backup paid back {money}: after the restore those orders show as not refunded. Do not pay them back a second time.</source>
        <translation>备份之前的订单的退款共退还 {money}：恢复后这些订单会显示为未退款。请勿再次退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="117"/>
        <source>Refunds of orders made since paid back {money}: those orders and their refunds are lost.</source>
        <translation>此后新建订单的退款共退还 {money}：这些订单及其退款都会丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="48"/>
        <source>Gift-card changes since (reloads, refunds), lost with their orders: {changes}; reloaded money lost: {money}.</source>
        <translation>此后随订单一起丢失的礼品卡变动（充值、退款）：{changes} 项；丢失的充值金额：{money}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="41"/>
        <source>This shop was moved to another computer with the final backup {backup}. Restoring makes it work on this computer again: do it only if the shop is not used on the other computer any more, or a voucher could be used on both.</source>
        <translation>本店已通过最终备份 {backup} 迁移到另一台电脑。恢复后，店铺会在这台电脑上重新启用：只有在另一台电脑已不再使用本店时才这样做，否则同一张卡券可能在两台电脑上都被使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="53"/>
        <source>Cash-outs of gift cards sold since this backup: {count}; paid out in cash: {money}. They are lost with their cards.</source>
        <translation>此备份之后售出的礼品卡的提现：{count} 笔；已付出现金：{money}。它们会随这些卡一起丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="58"/>
        <source>Card keys handed out since: {keys}. They stay out of stock (their orders are lost).</source>
        <translation>此后已发出的卡密：{keys} 个。它们不会回到库存（其订单会丢失）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="69"/>
        <source>This is the other computer&apos;s final backup, made {moment} when the shop was moved: nothing done there is missing.</source>
        <translation>这是另一台电脑在迁移店铺时（{moment}）写入的最终备份：那台电脑上的操作都在其中，没有缺失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="85"/>
        <source>A newer backup of this shop is in the same folder: {file}, made {moment}. This one lacks what was done between them: restore that one instead.</source>
        <translation>同一文件夹中有本店更新的备份：{file}，写于 {moment}。这份备份缺少两者之间的操作：请改为恢复那一份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="113"/>
        <source>Refunds of orders from before the backup (they paid no money back): after the restore those orders show as not refunded.</source>
        <translation>备份之前的订单的退款（未退还任何金额）：恢复后这些订单会显示为未退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="121"/>
        <source>Refunds of orders made since (they paid no money back) are lost with their orders.</source>
        <translation>此后所下订单的退款（未退还任何金额）会随订单一起丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="131"/>
        <source>Passwords changed since this backup come back as they were then (a recovery too): {names} log in with the password they had when the backup was made.</source>
        <translation>此备份之后修改过的密码（包括找回密码）将恢复为当时的样子：{names} 需用备份时的密码登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="136"/>
        <source>The recovery key comes back as it was when the backup was made: the newer one stops working.</source>
        <translation>恢复密钥将恢复为备份时的那一个：较新的恢复密钥将失效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="142"/>
        <source>This computer saw newer records than both the backup and the shop&apos;s data hold (the data was put back to an older copy): vouchers redeemed in them could be redeemed again, so redeeming stays stopped after the restore until an owner checks the vouchers and runs verify --acknowledge.</source>
        <translation>本电脑见过比备份和店铺数据都更新的记录（数据曾被换回旧副本）：其中已核销的卡券可能被再次核销，因此恢复后核销仍会停止，直到店主检查卡券并运行 verify --acknowledge。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="149"/>
        <source>The shop&apos;s data this backup replaced was too damaged to read, so its records newer than the backup (this computer saw them) could not be carried over: they are in the damaged data, kept in the before-restore folder named below. Vouchers redeemed since the backup could be redeemed again, so redeeming stays stopped after the restore until an owner checks the latest redemptions (receipts, the counters&apos; lists) and runs verify --acknowledge.</source>
        <translation>这份备份替换掉的店铺数据已损坏、无法读取，因此其中比备份更新的记录（这台电脑见过它们）无法带入：它们在已损坏的数据中，保存在下面列出的“before-restore”文件夹里。备份之后已核销的卡券可能被再次核销，因此恢复后将暂停核销，直到店主核对最近的核销（小票、各收银台的列表）并运行 verify --acknowledge。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="156"/>
        <source>This computer saw newer records of this shop than the backup holds, and they are not in this folder (it holds no shop). Vouchers redeemed in them could be redeemed again, so redeeming stays stopped after the restore until an owner checks the latest redemptions (receipts, the counters&apos; lists) and runs verify --acknowledge. Restore a newer backup if you have one.</source>
        <translation>这台电脑见过比这份备份更新的店铺记录，但它们不在这个文件夹里（这里没有店铺）。这些记录中已核销的卡券可能被再次核销，因此恢复后将暂停核销，直到店主核对最近的核销记录（收据、各收银台的列表）并运行 verify --acknowledge。如果有更新的备份，请恢复那一份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="162"/>
        <source>The folder this backup is in remembers newer records of this shop than the backup holds (a newer backup was written there): vouchers redeemed in them could be redeemed again, so redeeming stays stopped after the restore until an owner checks the vouchers and runs verify --acknowledge. Restore the newest backup instead.</source>
        <translation>这份备份所在的文件夹记得本店比该备份更新的记录（那里写入过更新的备份）：其中已核销的卡券可能被再次核销，因此恢复后将暂停核销，直到店主核对卡券并运行 verify --acknowledge。请改为恢复最新的备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="174"/>
        <source>{lines} Nothing was restored: run it at a terminal to answer, or add --yes.</source>
        <translation>{lines}未恢复任何内容：请在终端中运行以便回答，或加上 --yes。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="179"/>
        <source>Restore anyway? [y/N] </source>
        <translation>仍要恢复吗？[y/N] </translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="180"/>
        <location filename="../../desktop_app/cli/shop_commands.py" line="221"/>
        <source>y</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="204"/>
        <source>Restored the shop from {file}.</source>
        <translation>已从 {file} 恢复店铺。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="209"/>
        <source>The shop opens with a password as it was when the backup was made. If {name}&apos;s is not known, set a new one with the recovery key: recover {name} (SHOP_RECOVERY_KEY and SHOP_NEW_PASSWORD, or asked).</source>
        <translation>店铺需要用备份时的密码登录。如果不知道 {name} 的密码，请用恢复密钥设置新密码：recover {name}（使用 SHOP_RECOVERY_KEY 和 SHOP_NEW_PASSWORD，或按提示输入）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/restore_commands.py" line="215"/>
        <source>The data it replaced is kept in {aside}.</source>
        <translation>被替换的数据保存在 {aside}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="259"/>
        <source>migrate-to copies the shop of a folder: leave out --database and SHOP_DATABASE_URL.</source>
        <translation>migrate-to 复制的是文件夹中的店铺：请不要指定 --database 和 SHOP_DATABASE_URL。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/shop_commands.py" line="267"/>
        <source>Copied the shop to {url} ({rows} rows) and checked the copy. This folder now keeps the shop for reading only: start every counter with --database {url} (or SHOP_DATABASE_URL).</source>
        <translation>已将店铺复制到 {url}（{rows} 行）并核对了副本。此文件夹中的店铺从此仅供查看：每个收银台请用 --database {url}（或 SHOP_DATABASE_URL）启动。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/arg_types.py" line="20"/>
        <source>not a number: {text}</source>
        <translation>不是数字：{text}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/arg_types.py" line="27"/>
        <source>must be 1 or more</source>
        <translation>必须大于或等于 1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/arg_types.py" line="38"/>
        <source>must be between {low} and {high}</source>
        <translation>必须在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/arg_types.py" line="51"/>
        <source>the date {text!r} does not exist (months 01-12, days as the month has)</source>
        <translation>日期 {text!r} 不存在（月份为 01-12，日期不超过该月天数）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/arg_types.py" line="54"/>
        <source>expected a date as YYYY-MM-DD, got {text!r}</source>
        <translation>日期格式应为 YYYY-MM-DD，实际为 {text!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/arg_types.py" line="62"/>
        <source>a station name of 1 to {maximum} characters without control characters</source>
        <translation>收银台名称，1 至 {maximum} 个字符，不能包含控制字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="62"/>
        <source>print one JSON object on stdout</source>
        <translation>在标准输出打印一个 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="64"/>
        <location filename="../../desktop_app/cli/parser.py" line="399"/>
        <source>the shop&apos;s folder</source>
        <translation>店铺文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="66"/>
        <source>the shop&apos;s PostgreSQL server</source>
        <translation>店铺的 PostgreSQL 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="80"/>
        <source>create a new encrypted shop</source>
        <translation>创建新的加密店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="86"/>
        <source>operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="87"/>
        <source>add an operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="95"/>
        <source>products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="96"/>
        <source>add a product</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="98"/>
        <source>the product&apos;s name, as vouchers and receipts print it</source>
        <translation>商品名称，卡券和收据上按此打印</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="100"/>
        <source>the selling price, e.g. 199 or 19.90, in the shop&apos;s currency</source>
        <translation>售价，例如 199 或 19.90，以店铺币种计</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="102"/>
        <source>service: a pass of uses (default); cardkey: imported codes, one per sale; goods: handed over at the sale; giftcard: carries money</source>
        <translation>service = 服务（次卡，默认）；cardkey = 卡密（导入的卡密，每售出一份发一个）；goods = 实物（售出时交付）；giftcard = 礼品卡（储值）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="105"/>
        <source>uses per voucher of a service (default 1): 5 for a five-wash pass</source>
        <translation>服务类每张券可用次数（默认 1）：五次洗车卡填 5</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="107"/>
        <source>calendar days a voucher is valid from its sale; left out: no expiry</source>
        <translation>卡券自售出起的有效天数（按自然日）；不填：长期有效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="109"/>
        <source>how many can be sold; left out: no limit (a card key&apos;s stock is its imported keys)</source>
        <translation>可售数量；不填：不限（卡密商品的库存就是已导入的卡密数）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="112"/>
        <source>a gift card&apos;s balance when sold (default: the price)</source>
        <translation>礼品卡售出时的余额（默认：售价）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="115"/>
        <source>list products with stock</source>
        <translation>列出商品及库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="116"/>
        <source>include archived</source>
        <translation>包括已下架的</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="120"/>
        <source>card keys</source>
        <translation>卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="122"/>
        <source>import card keys</source>
        <translation>导入卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="123"/>
        <source>the card-key product&apos;s id (product list)</source>
        <translation>卡密商品的编号（见 product list）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="125"/>
        <source>a text or CSV file, UTF-8 or GBK: one key a line (a row of several columns is one key, e.g. number / password); a header row, notes and duplicates are left out and counted</source>
        <translation>文本或 CSV 文件（UTF-8 或 GBK）：每行一个卡密（多列的一行合为一个卡密，如 卡号 / 密码）；表头、备注列和重复项会被略过并计数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="134"/>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="136"/>
        <source>create an unpaid order</source>
        <translation>创建未付款订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="143"/>
        <source>take payment, issue vouchers</source>
        <translation>收款并发放卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="149"/>
        <source>refund an order</source>
        <translation>订单退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="151"/>
        <source>refund only if it pays back this much (what the customer was told); else nothing is refunded</source>
        <translation>仅当应退金额正好是这个数（告诉顾客的金额）时才退款；否则不退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="155"/>
        <source>list orders</source>
        <translation>列出订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="162"/>
        <source>vouchers</source>
        <translation>卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="163"/>
        <source>state, uses left, validity, customer and history; consumes nothing</source>
        <translation>状态、剩余次数、有效期、顾客和历史记录；只查询，不扣除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="166"/>
        <source>vouchers whose customer name or phone contains TEXT</source>
        <translation>顾客姓名或电话包含 TEXT 的卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="179"/>
        <source>the price each voucher is booked at (default: the product&apos;s; 0: given away)</source>
        <translation>每张卡券的入账单价（默认为商品售价；0 表示免费赠送）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="193"/>
        <source>pay a gift card&apos;s small remainder out in cash and empty it (up to the shop&apos;s cash-out limit)</source>
        <translation>将礼品卡的少量余额以现金付出并清空该卡（不超过店铺的提现上限）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="198"/>
        <source>a caller&apos;s gift cards by order or phone: card number, product, customer; no code, no balance</source>
        <translation>按订单号或手机号列出来电顾客的礼品卡：卡号、商品、顾客；不显示券码和余额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="204"/>
        <source>a gift card&apos;s balance, validity and recent ledger, with its PIN (from SHOP_CARD_PIN or a prompt): the customer on the phone</source>
        <translation>凭 PIN 码（取自 SHOP_CARD_PIN 或提示输入）查询礼品卡的余额、有效期和最近流水：适用于顾客来电</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="208"/>
        <location filename="../../desktop_app/cli/parser.py" line="217"/>
        <location filename="../../desktop_app/cli/parser.py" line="226"/>
        <source>the card&apos;s number, as `voucher cards` lists it</source>
        <translation>卡号，即 `voucher cards` 列出的号码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="210"/>
        <location filename="../../desktop_app/cli/parser.py" line="219"/>
        <source>the order that sold the card (when it sold only one)</source>
        <translation>售出该卡的订单（该订单只售出一张卡时）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="213"/>
        <source>spend from a gift card the customer has not brought, with its PIN (from SHOP_CARD_PIN or a prompt): paid by phone number and PIN</source>
        <translation>顾客没带卡时凭 PIN 码从礼品卡消费（PIN 码取自 SHOP_CARD_PIN 或提示输入）：凭手机号和 PIN 码付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="223"/>
        <source>set or replace a gift card&apos;s PIN (owners; from SHOP_CARD_PIN or typed twice at a prompt), or remove it with --clear</source>
        <translation>设置或更换礼品卡的 PIN（仅店主；取自 SHOP_CARD_PIN，或在提示处输入两次），或用 --clear 清除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="228"/>
        <source>remove the PIN: looking the card up then needs it in hand</source>
        <translation>清除 PIN：之后只能凭卡查询</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="233"/>
        <source>this counter&apos;s name in the records (default: SHOP_STATION, else the computer&apos;s name)</source>
        <translation>记录中本收银台的名称（默认：SHOP_STATION，否则为本机名称）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="256"/>
        <source>the owner&apos;s reports: redemptions, sales, liability, stock</source>
        <translation>店主报表：redemptions（核销）、sales（销售）、liability（未用完的卡券）、stock（卡密库存）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="261"/>
        <source>group by; the report&apos;s first grouping by default</source>
        <translation>分组方式；默认为该报表的第一种分组</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="263"/>
        <source>FILE.csv or FILE.xlsx</source>
        <translation>FILE.csv 或 FILE.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="267"/>
        <source>redeem one use, N uses at once, or spend an amount from a gift card</source>
        <translation>核销一次、一次核销 N 次，或从礼品卡扣除一笔金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="269"/>
        <source>the voucher&apos;s QR payload (as scanned) or its printed code</source>
        <translation>卡券的二维码内容（扫码所得）或印在券上的券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="275"/>
        <source>uses to consume at once: all of them or none</source>
        <translation>一次扣除的次数：要么全部扣除，要么一次都不扣</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="276"/>
        <source>spend this much from a gift card&apos;s balance (all or nothing)</source>
        <translation>从礼品卡余额中扣除此金额（要么全额扣除，要么不扣）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="290"/>
        <source>check the database, the audit chain and its witnesses</source>
        <translation>检查数据库、操作日志链及其见证记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="292"/>
        <source>owner: record what was found, with a reason, and lift the integrity hold</source>
        <translation>店主：记录发现的问题和理由，并解除完整性锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="294"/>
        <source>acknowledge without asking, although it re-opens vouchers of lost records</source>
        <translation>不询问直接确认，即使这会让丢失记录中的卡券可再次使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="302"/>
        <source>owner: the final backup, to move the shop to another computer; this folder then keeps the shop for reading only</source>
        <translation>店主：最终备份，用于把店铺迁移到另一台电脑；之后此文件夹中的店铺只能查看</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="308"/>
        <source>restore from a backup file (refused while the shop is open anywhere)</source>
        <translation>从备份文件恢复（店铺在任何地方打开时都会拒绝）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="311"/>
        <source>restore without asking, although the backup lacks newer changes</source>
        <translation>不询问直接恢复，即使备份缺少较新的更改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="313"/>
        <source>open the backup with the shop&apos;s recovery key (SHOP_RECOVERY_KEY, or asked) instead of a password: for a backup made before the password was changed</source>
        <translation>用店铺的恢复密钥（SHOP_RECOVERY_KEY，或提示输入）代替密码打开备份：用于修改密码之前做的备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="319"/>
        <source>set owner NAME&apos;s password with the recovery key (SHOP_RECOVERY_KEY, SHOP_NEW_PASSWORD)</source>
        <translation>用恢复密钥设置店主 NAME 的密码（SHOP_RECOVERY_KEY、SHOP_NEW_PASSWORD）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="326"/>
        <source>owner: whether the shop has a recovery key; --new makes a new one</source>
        <translation>店主：查看本店是否有恢复密钥；--new 生成新的密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="328"/>
        <source>make the shop a new recovery key and print it once; any earlier key stops working</source>
        <translation>为本店生成新的恢复密钥并只显示一次；之前的密钥即刻失效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="334"/>
        <source>copy this shop into an empty PostgreSQL database and check the copy</source>
        <translation>把本店复制到一个空的 PostgreSQL 数据库，并校验副本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="169"/>
        <source>write the QR image (.png) or the printable voucher (.pdf)</source>
        <translation>生成二维码图片（.png）或可打印的卡券（.pdf）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="172"/>
        <source>FILE.png or FILE.pdf</source>
        <translation>FILE.png 或 FILE.pdf</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="174"/>
        <source>paper of the PDF: A4 sheet or 58/80 mm receipt</source>
        <translation>PDF 纸张：A4 纸或 58/80 毫米小票</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="175"/>
        <source>issue many paid vouchers at once as one batch order</source>
        <translation>作为一个批量订单，一次发放多张已付款卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="181"/>
        <source>FILE.csv (codes and payloads) or FILE.pdf (a sheet of vouchers)</source>
        <translation>FILE.csv（券码和二维码内容）或 FILE.pdf（整页卡券）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="186"/>
        <source>add money to a gift card&apos;s balance (a payment, counted as a sale)</source>
        <translation>给礼品卡充值（作为一笔付款，计入销售）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="246"/>
        <source>export records</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="247"/>
        <source>every redemption attempt, as CSV</source>
        <translation>全部核销记录（含被拒的），CSV 格式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="249"/>
        <source>FILE.csv</source>
        <translation>FILE.csv</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="240"/>
        <source>first day, YYYY-MM-DD local time</source>
        <translation>起始日期，YYYY-MM-DD，本地时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="242"/>
        <source>last day, YYYY-MM-DD local time (included)</source>
        <translation>结束日期，YYYY-MM-DD，本地时间（含当天）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="285"/>
        <source>QR payloads found in image files</source>
        <translation>识别图片文件中的二维码内容</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="300"/>
        <source>write an encrypted backup</source>
        <translation>写入加密备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="398"/>
        <location filename="../../desktop_app/selftest.py" line="98"/>
        <source>Voucher Shop: sell, print and redeem QR vouchers.</source>
        <translation>用 Voucher Shop 出售、打印和核销二维码卡券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="400"/>
        <source>the shop&apos;s PostgreSQL server, postgresql://USER@HOST[:PORT]/DBNAME (the password from PGPASSWORD or ~/.pgpass; default: SHOP_DATABASE_URL, else the shop&apos;s folder)</source>
        <translation>店铺的 PostgreSQL 服务器，postgresql://USER@HOST[:PORT]/DBNAME（密码取自 PGPASSWORD 或 ~/.pgpass；默认：SHOP_DATABASE_URL，否则为店铺文件夹）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="404"/>
        <source>language of the interface</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="406"/>
        <source>open the demo shop in its own folder</source>
        <translation>在单独的文件夹中打开演示店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/parser.py" line="408"/>
        <source>check that this install works, then exit</source>
        <translation>检查本安装能否正常工作，然后退出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/frame.py" line="311"/>
        <source>Unexpected error; details are in the log file.</source>
        <translation>发生意外错误；详情见日志文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="37"/>
        <source>The card&apos;s PIN: </source>
        <translation>卡的 PIN 码： </translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="45"/>
        <source>The card&apos;s new PIN: </source>
        <translation>该卡的新 PIN： </translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="53"/>
        <source>PIN set</source>
        <translation>已设 PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="53"/>
        <source>no PIN</source>
        <translation>未设 PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="54"/>
        <source>card {card}  {product}  order {order}  {customer}  {pin}</source>
        <translation>卡 {card}  {product}  订单 {order}  {customer}  {pin}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="65"/>
        <source>No gift cards found.</source>
        <translation>没有找到礼品卡。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="72"/>
        <source>Order {order} holds {count} gift cards ({cards}): name one with --card.</source>
        <translation>订单 {order} 含 {count} 张礼品卡（{cards}）：请用 --card 指定一张。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="81"/>
        <source>Card {card} has no PIN: it can be looked up only with the card in hand.</source>
        <translation>卡 {card} 没有设置 PIN 码：只能凭卡查询。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="84"/>
        <source>Wrong PIN for card {card}; {left} attempts left before it locks.</source>
        <translation>卡 {card} 的 PIN 码错误；再错 {left} 次将被锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="87"/>
        <source>Card {card}: too many wrong PINs; locked until {until}.</source>
        <translation>卡 {card}：PIN 码错误次数过多；已锁定至 {until}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="91"/>
        <source>card {card}  {product}  balance {balance}  {status}, {validity}</source>
        <translation>卡 {card}  {product}  余额 {balance}  {status}，{validity}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="143"/>
        <source>Card {card}: PIN removed.</source>
        <translation>卡 {card}：PIN 已清除。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="144"/>
        <source>Card {card} has no PIN.</source>
        <translation>卡 {card} 没有设置 PIN。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/giftcard_commands.py" line="151"/>
        <source>Card {card}: PIN set.</source>
        <translation>卡 {card}：PIN 已设置。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/progress.py" line="25"/>
        <source>Exporting {total} redemption records…</source>
        <translation>正在导出 {total} 条核销记录…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/cli/progress.py" line="27"/>
        <source>… {done} of {total} written</source>
        <translation>… 已写入 {done} / {total}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="11"/>
        <source>Something went wrong. The details were written to the log file.</source>
        <translation>出错了。详情已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="13"/>
        <source>There is no shop in the folder {path} yet. Create a shop, or start Voucher Shop with the folder that holds your shop.</source>
        <translation>文件夹 {path} 中还没有店铺。请创建店铺，或用存放您店铺的文件夹启动 Voucher Shop。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="16"/>
        <source>A shop already exists in the folder {path}. Log in to it instead, or choose an empty folder for a new shop.</source>
        <translation>文件夹 {path} 中已经有一个店铺。请直接登录，或为新店铺选择一个空文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="19"/>
        <source>The folder {path} is on a network share. The shop&apos;s database (SQLite with a write-ahead log) needs the locking of a local disk and can be damaged on a network drive. Choose a folder on this computer&apos;s own disk. For several counters sharing one shop, use a PostgreSQL server instead of a shared file.</source>
        <translation>文件夹 {path} 位于网络共享上。店铺数据库（使用预写日志的 SQLite）需要本地磁盘的文件锁，放在网络驱动器上可能损坏。请选择本机磁盘上的文件夹。如需多个收银台共用一个店铺，请使用 PostgreSQL 服务器，而不是共享文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="24"/>
        <source>The folder {path} cannot be used ({reason}). Check that it exists and that you may write to it, or choose another folder.</source>
        <translation>无法使用文件夹 {path}（{reason}）。请检查它是否存在、您是否有写入权限，或选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="30"/>
        <source>The shop&apos;s folder {path} is read-only or you may not write there, so the shop cannot be opened. Make the folder writable (a write-protected USB stick or a read-only disk), or copy the shop to a folder you may write to.</source>
        <translation>店铺文件夹 {path} 为只读，或您没有写入权限，因此无法打开店铺。请让该文件夹可写（例如写保护的 U 盘或只读磁盘），或把店铺复制到可写的文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="40"/>
        <source>Wrong password. Check Caps Lock and the keyboard language, then try again.</source>
        <translation>密码错误。请检查大写锁定键和键盘输入法，然后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="42"/>
        <location filename="../../desktop_app/messages/error_texts.py" line="45"/>
        <source>There is no operator named “{operator}” in this shop. Check the spelling, or ask the owner to add you.</source>
        <translation>本店没有账号“{operator}”。请检查输入，或请店主为您添加账号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="48"/>
        <source>The operator “{operator}” has been disabled. Ask the shop owner to enable it again.</source>
        <translation>操作员“{operator}”已被停用。请联系店主重新启用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="51"/>
        <source>Too many wrong passwords for this operator. Wait a few minutes, then try again, or ask the owner to reset the password.</source>
        <translation>该操作员密码错误次数过多。请等几分钟再试，或请店主重置密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="59"/>
        <source>The shop&apos;s database ({path}) is damaged or is not a Voucher Shop database. Restore your latest backup, and keep the damaged file: do not delete it.</source>
        <translation>店铺数据库（{path}）已损坏，或不是 Voucher Shop 的数据库。请恢复最近的备份，并保留损坏的文件，不要删除。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="236"/>
        <source>Redeeming is stopped: the shop&apos;s database on the server is older than the last records this computer saw, so an older copy (a pg_dump) was put back on the server, and vouchers redeemed since may look unused again. The owner puts the newest dump back (pg_restore into an empty database) if there is one, then checks the shop (Admin → Verify) and acknowledges what was found, on each counter stopped so.</source>
        <translation>核销已停止：服务器上的店铺数据库比本机见过的最新记录还旧，说明服务器上放回了旧副本（一份 pg_dump），此后已核销的卡券可能又显示为未使用。如有最新的转储，请店主先把它放回（用 pg_restore 恢复到空数据库），然后在每个这样停止的收银台上检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="243"/>
        <source>Redeeming is stopped: the shop&apos;s records could not be vouched for. The owner puts the newest pg_dump of the server&apos;s database back (pg_restore into an empty database) if there is one, then checks the shop (Admin → Verify) and acknowledges what was found, on each counter stopped so.</source>
        <translation>核销已停止：无法确认店铺记录的可靠性。如有服务器数据库最新的 pg_dump，请店主先把它放回（用 pg_restore 恢复到空数据库），然后在每个这样停止的收银台上检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="272"/>
        <source>Stopped: nothing can be redeemed or changed, because the shop&apos;s records could not be vouched for ({problems}). The owner restores the latest good backup, or checks the shop (verify) and acknowledges what was found.</source>
        <translation>已停止：店铺记录无法得到验证（{problems}），因此不能核销，也不能做任何更改。请店主恢复最近一份完好的备份，或检查店铺（管理 → 校验数据库，命令行 verify）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="9"/>
        <source>The database address {url} cannot be used. Write it as postgresql://USER@HOST:PORT/DATABASE (optionally ?sslmode=require).</source>
        <translation>无法使用数据库地址 {url}。请写成 postgresql://USER@HOST:PORT/DATABASE（可加 ?sslmode=require）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="12"/>
        <source>The database address contains a password, which other programs on this computer could read. Remove it from the address and put it in the PGPASSWORD variable or the .pgpass file instead.</source>
        <translation>数据库地址中含有密码，这台电脑上的其他程序可能读取到它。请从地址中删除密码，改为放在 PGPASSWORD 环境变量或 .pgpass 文件中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="16"/>
        <source>The shop&apos;s server {host} cannot be reached. Check the network cable or Wi-Fi and that the server is switched on; nothing was changed.</source>
        <translation>无法连接店铺服务器 {host}。请检查网线或 Wi-Fi，以及服务器是否已开机；没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="39"/>
        <source>Another counter was changing the same records at the same moment, so the shop&apos;s server stopped this change: nothing was changed. Try again.</source>
        <translation>另一个收银台正在同时修改相同的记录，店铺服务器因此中止了这次操作：没有做任何更改。请重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="42"/>
        <source>The shop&apos;s server refused the login of database user {user}: the password in PGPASSWORD or the .pgpass file is wrong or missing.</source>
        <translation>店铺服务器拒绝了数据库用户 {user} 的登录：PGPASSWORD 或 .pgpass 文件中的密码错误或缺失。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="45"/>
        <source>The shop&apos;s server {host} accepts no changes right now (it is read-only: a standby server, or a server whose disk is full), so nothing was changed. Nothing is damaged: do not restore a backup. Tell whoever looks after the server.</source>
        <translation>店铺服务器 {host} 目前不接受任何更改（处于只读状态：备用服务器，或磁盘已满的服务器），因此没有做任何更改。数据没有损坏：请不要恢复备份。请告知服务器的管理人员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="49"/>
        <source>The disk of the shop&apos;s server {host} is full, so nothing was changed. Nothing is damaged: do not restore a backup. Tell whoever looks after the server to free space on it.</source>
        <translation>店铺服务器 {host} 的磁盘已满，因此没有做任何更改。数据没有损坏：请不要恢复备份。请告知服务器的管理人员清理磁盘空间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="53"/>
        <source>The shop&apos;s server {host} is on, but has no free connection: too many counters or programs are connected to it. Nothing was changed. Close a counter that is not in use, or ask whoever looks after the server to allow more connections (max_connections).</source>
        <translation>店铺服务器 {host} 正在运行，但已没有空闲连接：连接它的收银台或程序太多。没有做任何更改。请关闭一个不用的收银台，或请服务器的管理人员调高允许的连接数（max_connections）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="58"/>
        <source>The shop&apos;s server {host} gave up on this after waiting too long (another counter or program was holding the same records), so nothing was changed. Try again.</source>
        <translation>店铺服务器 {host} 等待过久后放弃了这次操作（另一个收银台或程序正占用相同的记录），因此没有做任何更改。请重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="61"/>
        <source>The shop&apos;s server {host} refused this (PostgreSQL error {sqlstate}), so nothing was changed. Tell whoever looks after the server and give them this code; do not restore a backup over the server&apos;s database before they have looked.</source>
        <translation>店铺服务器 {host} 拒绝了这次操作（PostgreSQL 错误 {sqlstate}），因此没有做任何更改。请告知服务器的管理人员并提供这个错误代码；在他们检查之前，请不要用备份覆盖服务器上的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="65"/>
        <source>The shop&apos;s server has no database named {database}. Check the name in the address, or ask whoever set up the server to create it.</source>
        <translation>店铺服务器上没有名为 {database} 的数据库。请检查地址中的名称，或请搭建服务器的人创建它。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="68"/>
        <source>The shop&apos;s server&apos;s certificate could not be checked, so this computer did not connect. Ask whoever set up the server.</source>
        <translation>无法核验店铺服务器的证书，本机没有连接。请联系服务器的设置人员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="71"/>
        <source>The shop&apos;s server and this computer disagree about encryption (TLS): the server asks for it, or the address asks for it and the server does not offer it. Set sslmode=require in the address, or ask whoever set up the server.</source>
        <translation>店铺服务器与这台电脑的加密（TLS）设置不一致：服务器要求加密，或地址要求加密而服务器不支持。请在地址中设置 sslmode=require，或询问搭建服务器的人。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="75"/>
        <source>This shop lives on a server: back it up on the server with pg_dump (see the README, &quot;Several counters&quot;), not from a counter PC.</source>
        <translation>本店存放在服务器上：请在服务器上用 pg_dump 备份（见 README 的“Several counters”一节），不要在收银台电脑上备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="79"/>
        <source>This shop was saved by a newer version of Voucher Shop (data format {found}; this version reads up to {supported}). Install the version the shop&apos;s other computers run, or a later one, to open it here.</source>
        <translation>此店铺由较新版本的 Voucher Shop 保存（数据格式 {found}；本版本最多支持 {supported}）。请安装店内其他电脑所用的版本或更新的版本，再在这里打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="262"/>
        <source>This shop was moved to the server {host} (database {database}), so nothing can be redeemed or changed in this folder any more; it is kept for reading only. Use the shop on the server: start with --database {url} (or set SHOP_DATABASE_URL); in the app, click Use the shop on the server.</source>
        <translation>本店已迁移到服务器 {host}（数据库 {database}），此文件夹中不能再核销或更改任何内容，仅供查看。请使用服务器上的店铺：用 --database {url} 启动（或设置 SHOP_DATABASE_URL）；在软件中点击“使用服务器上的店铺”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="78"/>
        <source>The database {url} is not empty. Copy the shop only into a new, empty database, so nothing there is overwritten.</source>
        <translation>数据库 {url} 不是空的。只能把店铺复制到新建的空数据库中，以免覆盖已有内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="19"/>
        <source>The shop&apos;s server {host} stopped answering, so it is not certain whether this was saved. When the server is back, check before trying again: look whether it is there.</source>
        <translation>店铺服务器 {host} 没有应答，无法确定是否已保存。服务器恢复后，请先核实是否已保存，再决定是否重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="23"/>
        <source>The connection to the shop&apos;s server {host} broke before this was saved, so nothing was changed. Try again.</source>
        <translation>与店铺服务器 {host} 的连接在保存之前中断，没有做任何更改。请重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="26"/>
        <source>The shop&apos;s server {host} stopped answering as {code} was being saved, so it is not certain whether it was redeemed. Do not hand anything over or charge again yet: this counter checks by itself as soon as the server answers and shows what happened.</source>
        <translation>保存 {code} 时店铺服务器 {host} 没有应答，无法确定是否已核销。暂时不要交付商品，也不要再次扣款：服务器一有应答，本收银台会自动核实并显示结果。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="31"/>
        <source>The shop&apos;s server {host} stopped answering as the undo was being saved, so it is not certain whether it was undone. Do not give anything back yet: once the server answers, the list shows whether it was.</source>
        <translation>保存撤销时店铺服务器 {host} 没有应答，无法确定是否已撤销。暂时不要退还任何东西：服务器一有应答，列表会显示是否已撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/server_error_texts.py" line="35"/>
        <source>The shop&apos;s server could not save this: its id counters are behind its data, as after a database restored over itself. Nothing was changed. Tell whoever looks after the server: the README (&quot;Several counters&quot;) shows how to set them right.</source>
        <translation>店铺服务器无法保存：它的编号计数器落后于已有数据（例如把数据库恢复到了自身之上）。没有做任何更改。请告知服务器的管理人员：README 的“Several counters”一节说明了如何修正。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="66"/>
        <source>This shop now lives on the server {host} (database {database}). This folder keeps a copy for reading only: nothing can be redeemed or changed in it any more. To work in the shop, click &quot;Use the shop on the server&quot;.</source>
        <translation>本店现在位于服务器 {host}（数据库 {database}）。此文件夹只保留一份只读副本：不能再在这里核销或修改任何内容。要继续营业，请点击“使用服务器上的店铺”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="70"/>
        <source>Another program is using the shop file: another copy of Voucher Shop, a backup tool or an antivirus scan. Close it, then try again.</source>
        <translation>另一个程序正在使用店铺文件：可能是另一个 Voucher Shop、备份工具或杀毒软件扫描。请关闭它，然后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="73"/>
        <source>The disk is full. Nothing already saved was lost, but the last change was not saved. Free some disk space, then do it again.</source>
        <translation>磁盘已满。已保存的数据没有丢失，但最后一次修改未能保存。请清理一些磁盘空间，然后重新操作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="76"/>
        <source>This installation lacks the encryption library, so the shop cannot be opened safely. Reinstall Voucher Shop.</source>
        <translation>本安装缺少加密库，无法安全地打开店铺。请重新安装 Voucher Shop。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="83"/>
        <source>Only the shop owner may do this. Ask the owner to log in and do it.</source>
        <translation>只有店主可以执行此操作。请店主登录后操作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="85"/>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="86"/>
        <source>{what} not found. It may have been removed, or the number is wrong.</source>
        <translation>找不到该{what}。它可能已被删除，或编号有误。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="88"/>
        <source>Not enough stock of “{product}”: {available} left, {wanted} wanted. Restock it or sell fewer.</source>
        <translation>“{product}”库存不足：剩余 {available}，需要 {wanted}。请补货或减少数量。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="91"/>
        <source>This cannot be done now: the {what} is {state}. Refresh the list and check it.</source>
        <translation>现在无法执行：该{what}{state}。请刷新列表后检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="94"/>
        <source>The shop is open in another window, at another counter or in a command ({path}). Close it there first, then try again.</source>
        <translation>店铺正在另一个窗口、另一个收银台或某个命令中打开（{path}）。请先在那里关闭，然后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="97"/>
        <source>Nothing was restored; the shop is unchanged.</source>
        <translation>未恢复任何内容；店铺保持不变。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="106"/>
        <source>A restore of a backup did not finish in the folder {path} (the computer stopped or the program was closed during it). The shop was put back as it was before that restore: nothing in it was lost. Run the restore again if you still want the backup; anything else can be done again now.</source>
        <translation>文件夹 {path} 中的一次备份恢复没有完成（期间电脑停机或程序被关闭）。店铺已还原为那次恢复之前的样子：没有丢失任何内容。如仍需要该备份，请重新恢复；其他操作现在可以继续进行。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="111"/>
        <source>This backup file fails its check, so nothing was restored and the shop is unchanged. Choose another backup.</source>
        <translation>此备份文件未通过校验，未恢复任何内容，店铺保持不变。请选择其他备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="118"/>
        <source>Only the shop owner may take money for gift cards here. The owner can allow clerks in Settings → Shop (Clerks may reload and cash out gift cards).</source>
        <translation>只有店主可以在这里为礼品卡收付款。店主可以在 设置 → 店铺 中允许核销员这样做（核销员可以为礼品卡充值和提现）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="124"/>
        <source>“{operator}” is not an owner of this shop: the recovery key sets a new password for an owner. The key is right: type an owner&apos;s name and try again.</source>
        <translation>“{operator}”不是本店的店主：恢复密钥只能为店主设置新密码。密钥正确，请输入店主账号后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="132"/>
        <source>This voucher is not a gift card: it counts uses, not money, so it cannot be reloaded or cashed out.</source>
        <translation>此卡券不是礼品卡：它按次数计，不按金额计，因此不能充值或提现。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="138"/>
        <source>The shop&apos;s last owner cannot be disabled: someone must be able to manage the shop. Add another owner first.</source>
        <translation>不能停用店铺的最后一位店主：总要有人能管理店铺。请先添加另一位店主。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="141"/>
        <source>Order {id} was not paid: the validity of “{product}” has ended, so its vouchers would be expired at once. Cancel the order (or give the product new dates in Inventory first). No money was taken.</source>
        <translation>订单 {id} 未付款：“{product}”的有效期已结束，发出的卡券会立即过期。请取消该订单（或先在库存中为该商品设置新的日期）。未收取任何款项。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="145"/>
        <source>This reload was paid back when its gift card&apos;s order {order} was refunded (what was left of it went back with the card). There is nothing more to refund.</source>
        <translation>此充值在其礼品卡的订单 {order} 退款时已退还（剩余部分随卡一起退回）。没有更多可退的了。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="148"/>
        <source>This gift card is empty: there is nothing to pay out.</source>
        <translation>这张礼品卡余额为零：没有可付出的金额。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="150"/>
        <source>Nothing is left to refund on order {id}: every unit of it was used or refunded already, so there is nothing to pay back and the order stays paid.</source>
        <translation>订单 {id} 已没有可退的内容：每一份都已使用或已退款，没有可退的金额，订单保持已付款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="153"/>
        <source>Nothing is left on this gift card of order {order}: it was spent, so there is nothing to pay back and the order stays paid.</source>
        <translation>订单 {order} 的这张礼品卡已用完：没有可退的金额，订单保持已付款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="156"/>
        <source>Nothing was paid out: this gift card was spent from at a counter after you were asked, so it would now pay out {now}, not {asked}. Do not hand over {asked}; check the card again and cash it out again.</source>
        <translation>未付出现金：询问您之后，有收银台从这张礼品卡中消费了金额，现在应付现金 {now}，而不是 {asked}。请不要交给顾客 {asked}；重新核对这张卡后再提现。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="160"/>
        <source>Nothing was refunded: order {id} changed after you confirmed (a counter redeemed a use or spent from a gift card of it meanwhile), so the refund would now pay back {now}, not {asked}. Do not pay back {asked}; check the new amount and refund again.</source>
        <translation>未退款：您确认后订单 {id} 有变动（其间有收银台核销了一次，或从其礼品卡中消费了金额），现在退款应退 {now}，而不是 {asked}。请不要退给顾客 {asked}；核对新的金额后再退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="165"/>
        <source>This gift card holds {balance}, more than the {limit} a card may be paid out in cash. The owner sets that limit in Settings → Shop (Gift card cash-out up to).</source>
        <translation>这张礼品卡余额为 {balance}，超过了可付现的上限 {limit}。店主可在 设置 → 店铺 中设置该上限（礼品卡提现上限）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="168"/>
        <source>Nothing of this reload is left on the gift card: it was spent or paid out, so there is nothing to refund.</source>
        <translation>这笔充值在礼品卡上已无剩余：已被消费或提现，因此没有可退的金额。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="171"/>
        <source>Gift cards are not cashed out in this shop. The owner can allow small remainders in Settings → Shop (Gift card cash-out up to).</source>
        <translation>本店不为礼品卡提现。店主可以在 设置 → 店铺 中允许提现少量余额（礼品卡提现上限）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="174"/>
        <source>Part of this reload was spent already: the gift card holds {left} of the {amount} reloaded. To pay back what is left on it, refund the gift card&apos;s order {order}.</source>
        <translation>这笔充值已被部分消费：充值 {amount}，礼品卡上还剩 {left}。要退还卡上剩余的金额，请对礼品卡的订单 {order} 退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="182"/>
        <source>The backup file {path} cannot be read. Check that it is still there and that you may open it.</source>
        <translation>无法读取备份文件 {path}。请检查它是否还在、您是否有权限打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="185"/>
        <source>The file {path} is not a Voucher Shop backup. Nothing was restored.</source>
        <translation>文件 {path} 不是 Voucher Shop 备份，未恢复任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="187"/>
        <source>The backup file {path} is damaged or incomplete, so nothing was restored and the shop is unchanged. Use another backup.</source>
        <translation>备份文件 {path} 已损坏或不完整，未恢复任何内容，店铺保持不变。请使用其他备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="190"/>
        <source>The backup {path} belongs to another shop, so it was not restored here.</source>
        <translation>备份 {path} 属于另一个店铺，因此没有在这里恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="192"/>
        <source>The backup {path} was made by a newer version of Voucher Shop (data format {found}; this version reads up to {supported}), so nothing was restored and the shop is unchanged. Install that newer version of Voucher Shop or a later one, then restore the backup with it.</source>
        <translation>备份 {path} 由较新版本的 Voucher Shop 制作（数据格式 {found}；本版本最多支持 {supported}），因此没有恢复任何内容，店铺保持不变。请安装那个较新版本或更新的版本，再用它恢复此备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="218"/>
        <source>The database is damaged: restore your latest backup (Admin → Restore from backup…). Part of the shop&apos;s database file cannot be read (a disk fault or a power cut), so redeeming and selling are stopped: nothing more is saved into it. The restore keeps the damaged file aside; do not delete it.</source>
        <translation>数据库已损坏：请恢复最近的备份（管理 → 从备份恢复…）。店铺数据库文件的一部分无法读取（磁盘出错或断电），因此已暂停核销和销售：不会再向其中保存任何内容。恢复时会把损坏的文件另存一旁；请不要删除它。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="224"/>
        <source>Redeeming is stopped: the shop&apos;s files were replaced or moved while the shop was open here, so nothing more is saved in this session. Close the shop and open it again (Log out, then log in): the usual checks then run on the files in the shop folder.</source>
        <translation>核销已停止：店铺在本机打开期间，其文件被替换或移动，本次会话不再保存任何内容。请关闭店铺后重新打开（先退出登录，再登录）：届时会对店铺文件夹中的文件进行常规检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="327"/>
        <source>Stopped: nothing can be redeemed or changed, because the shop&apos;s records could not be vouched for ({problems}). The owner puts the newest pg_dump of the server&apos;s database back (pg_restore into an empty database) if there is one, then checks the shop (Admin → Verify) and acknowledges what was found, on each counter stopped so.</source>
        <translation>已停止：无法确认店铺记录的可靠性（{problems}），因此不能核销或修改任何内容。如有服务器数据库最新的 pg_dump，请店主先把它放回（用 pg_restore 恢复到空数据库），然后在每个这样停止的收银台上检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="251"/>
        <source>Not enough stock. Restock the product or sell fewer.</source>
        <translation>库存不足。请补货或减少数量。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="253"/>
        <source>This cannot be done in its current state. Refresh the list and check it.</source>
        <translation>当前状态下无法执行此操作。请刷新列表后检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="255"/>
        <source>Not found. It may have been removed, or the number is wrong.</source>
        <translation>找不到。它可能已被删除，或编号有误。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="267"/>
        <source>The shop&apos;s server {host} stopped answering as {code} was being saved, so it is not certain whether it was redeemed (attempt {attempt_id}). Do not hand anything over or charge again yet: when the server answers, look the voucher up (voucher show) and check for that attempt.</source>
        <translation>保存 {code} 时店铺服务器 {host} 没有应答，无法确定是否已核销（尝试 {attempt_id}）。暂时不要交付商品，也不要再次扣款：服务器有应答后，请查询该卡券（voucher show），查看这次尝试是否存在。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="289"/>
        <source>The address asks to check the shop&apos;s server&apos;s certificate, and this computer has no root certificate to check it with: {file} is missing. Copy the shop&apos;s CA certificate there (README, &quot;Several counters&quot;, TLS).</source>
        <translation>地址要求核验店铺服务器的证书，但本机没有用于核验的根证书：缺少 {file}。请把店铺的 CA 证书复制到该位置（见 README 的“Several counters”一节中的 TLS）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="293"/>
        <source>The server&apos;s certificate is for {named}, not for {host} in the address. Use the name the certificate has in the address; if that is not the shop&apos;s server, do not go on until whoever set it up has checked.</source>
        <translation>服务器的证书属于 {named}，而不是地址中的 {host}。请在地址中使用证书上的名称；如果那不是店铺的服务器，请在设置人员核查之前不要继续。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="297"/>
        <source>The server {host} showed a certificate that the shop&apos;s root certificate does not vouch for: it may not be the shop&apos;s server. Do not go on until whoever set it up has checked.</source>
        <translation>服务器 {host} 出示的证书不受店铺根证书认可：它可能不是店铺的服务器。请在设置人员核查之前不要继续。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="301"/>
        <source>The shop&apos;s server has no database user {user}. Check the user&apos;s name in the address: postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>店铺的服务器上没有数据库用户 {user}。请检查地址中的用户名：postgresql://用户@主机:端口/数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="306"/>
        <source>No password was found for database user {user} at {server}: PGPASSWORD is not set and no line of the .pgpass file names this host, port, database and user. Check the address (the database&apos;s name too) and the .pgpass line.</source>
        <translation>找不到数据库用户 {user} 在 {server} 的密码：未设置 PGPASSWORD，.pgpass 文件中也没有与此主机、端口、数据库和用户相符的一行。请检查地址（包括数据库名称）和 .pgpass 中的那一行。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="279"/>
        <source>Stopped: nothing can be redeemed or changed, because the shop&apos;s records could not be vouched for ({problems}). The owner puts the newest pg_dump of the server&apos;s database back (pg_restore into an empty database) if there is one, then checks the shop (verify) and acknowledges what was found, on each counter stopped so.</source>
        <translation>已停止：无法确认店铺记录的可靠性（{problems}），因此不能核销或修改任何内容。如有服务器数据库最新的 pg_dump，请店主先把它放回（用 pg_restore 恢复到空数据库），然后在每个这样停止的收银台上检查店铺（verify）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="311"/>
        <source>The address asks for encryption (TLS), and the shop&apos;s server {host} does not offer it. Ask whoever set up the server to switch TLS on; until then only on the shop&apos;s own cable may the address leave sslmode out.</source>
        <translation>地址要求加密连接（TLS），但店铺服务器 {host} 不提供。请让服务器的管理人员开启 TLS；在此之前，只有在店铺自己的网线上，地址才可以不写 sslmode。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="317"/>
        <source>This version of Voucher Shop must upgrade the shop before using it, and an upgrade needs the shop to itself: it is still open at another counter, in another window or in a command ({path}), perhaps in an older version. Nothing was changed. Close Voucher Shop on every other counter first, then open the shop here again.</source>
        <translation>这个版本的 Voucher Shop 需要先升级店铺数据才能使用，而升级时不能有其他地方打开店铺：它仍在其他收银台、其他窗口或命令中打开着（{path}），可能是旧版本。没有做任何修改。请先关闭其他所有收银台上的 Voucher Shop，再在这里重新打开店铺。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="322"/>
        <source>Stopped: nothing was redeemed or changed, because the shop&apos;s files were replaced or moved while the shop was open here (an older copy put back, the folder moved, a file deleted). Close the shop and open it again (in the app: Log out, then log in): the usual checks then run on the files in the shop folder.</source>
        <translation>已停止：没有核销或修改任何内容，因为店铺在本机打开期间，其文件被替换或移动（放回了旧副本、文件夹被移动或文件被删除）。请关闭店铺后重新打开（在程序中：先退出登录，再登录）：届时会对店铺文件夹中的文件进行常规检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="34"/>
        <source>Files of the shop in {folder} are read-only or you may not write to them ({files}), so nothing can be saved in the shop. They are not damaged: do not restore a backup over them. Make them writable again (on Windows: each file&apos;s Properties, untick Read-only; or ask whoever changed their permissions), then open the shop again.</source>
        <translation>{folder} 中店铺的文件是只读的，或您没有写入权限（{files}），因此店铺无法保存任何内容。这些文件并未损坏：请不要用备份恢复覆盖它们。请先让它们恢复可写（Windows 上：在每个文件的“属性”中取消勾选“只读”；或联系更改其权限的人），然后重新打开店铺。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="62"/>
        <source>Stopped: nothing can be redeemed or changed, because the shop&apos;s records could not be vouched for ({problems}). The owner restores the latest good backup, or checks the shop (Admin → Verify) and acknowledges what was found.</source>
        <translation>已停止：店铺记录无法得到验证（{problems}），因此不能核销，也不能做任何更改。请店主恢复最近一份完好的备份，或检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="100"/>
        <source>This shop has no recovery key yet (it was made before recovery keys existed). Ask an owner who still knows their password to make one while logged in: Admin → New recovery key… (or the command recovery-key --new). If every owner&apos;s password is lost, no recovery key can be made any more and none can help: only a backup, with an owner&apos;s password as it was when the backup was made.</source>
        <translation>本店还没有恢复密钥（店铺创建时还没有恢复密钥功能）。请仍记得密码的店主登录后生成一个：管理 → 新的恢复密钥…（或命令 recovery-key --new）。如果所有店主的密码都已丢失，就再也无法生成恢复密钥，任何密钥也帮不上忙：只能用备份，并使用备份当时的店主密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="333"/>
        <source>Wrong recovery key: it is not the key of this shop. Check it against the paper it was written on (7 groups of 4), then try again.</source>
        <translation>恢复密钥错误：这不是本店的恢复密钥。请对照记下它的纸张核对（7 组，每组 4 个字符），然后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="336"/>
        <source>This backup was made before the password was changed: it needs the password as it was then, or the shop&apos;s recovery key. Nothing was restored, and this does not count as a wrong password.</source>
        <translation>此备份是在修改密码之前做的：需要当时的密码，或店铺的恢复密钥。没有恢复任何内容，这次也不计为密码错误。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="340"/>
        <source>This shop moved to another computer on {at} with the final backup {backup}. This computer keeps a copy for reading only: nothing can be redeemed or changed here any more. Work in the shop on the new computer.</source>
        <translation>本店已于 {at} 通过最终备份 {backup} 迁移到另一台电脑。这台电脑保留一份只能查看的副本：这里不能再核销或修改任何内容。请在新电脑上使用本店。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="344"/>
        <source>This shop lives on a server: it has no folder to move. On another computer, connect to the same server instead.</source>
        <translation>本店在服务器上，没有可迁移的文件夹。请在另一台电脑上连接同一台服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="347"/>
        <source>This shop lives on a server: restore it on the server with pg_restore (see the README, &quot;Several counters&quot;), not from a counter PC.</source>
        <translation>本店存放在服务器上：请在服务器上用 pg_restore 恢复（见 README 的“Several counters”一节），不要在收银台电脑上恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="351"/>
        <source>A shop already exists on the server {server}. Log in to it instead, or give the address of an empty database for a new shop.</source>
        <translation>服务器 {server} 上已经有一个店铺。请直接登录，或为新店铺填写一个空数据库的地址。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="355"/>
        <source>The database {server} holds no shop yet. Check the database&apos;s name in the address, or create the shop there (init, or the app&apos;s first start).</source>
        <translation>数据库 {server} 中还没有店铺。请检查地址中的数据库名称，或在那里创建店铺（命令行 init，或首次启动本程序）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="362"/>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="363"/>
        <source>you may not write there</source>
        <translation>您没有写入权限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="364"/>
        <source>something in the path is a file, not a folder</source>
        <translation>路径中有一项是文件而不是文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="369"/>
        <source>The disk that holds {folder} is full, so nothing was written there; the shop itself is unchanged. Free some space on that disk, or choose another place, then do it again.</source>
        <translation>{folder} 所在的磁盘已满，没有写入任何文件；店铺数据未受影响。请清理该磁盘的空间，或选择其他位置，然后重新操作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="374"/>
        <source>Something went wrong, and the last action may not have finished. The details were written to the log file. If it happens again, restart Voucher Shop.</source>
        <translation>出错了，上一步操作可能没有完成。详情已写入日志文件。如果再次出现，请重新启动 Voucher Shop。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="406"/>
        <source>returned by a refund</source>
        <translation>因退款退回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="414"/>
        <source>for a product whose validity has ended</source>
        <translation>包含有效期已结束的商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="420"/>
        <source>the data was put back to an older copy, or recent changes were lost</source>
        <translation>数据被换回了旧副本，或最近的更改丢失了</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="422"/>
        <source>the file that vouches for the shop&apos;s records is missing</source>
        <translation>为店铺记录作证的文件不见了</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="424"/>
        <source>the file that vouches for the shop&apos;s records is damaged</source>
        <translation>为店铺记录作证的文件已损坏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="426"/>
        <source>a record of the shop&apos;s latest changes was altered</source>
        <translation>店铺最新更改的记录被改动过</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="428"/>
        <source>the database file is missing</source>
        <translation>数据库文件不见了</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="429"/>
        <source>this folder keeps an earlier integrity problem, and it is not known which shop it was for: it may be another shop&apos;s that was in this folder before</source>
        <translation>此文件夹保留着一条较早的完整性问题记录，不知属于哪个店铺：可能属于之前放在此文件夹中的其他店铺</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="432"/>
        <source>the shop&apos;s files were replaced or moved while the shop was open</source>
        <translation>店铺打开期间，其文件被替换或移动</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="434"/>
        <source>the shop&apos;s database file is damaged</source>
        <translation>店铺的数据库文件已损坏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="436"/>
        <source>a check found a problem; verify names it</source>
        <translation>检查发现了问题；verify（校验）会说明</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/refund_texts.py" line="8"/>
        <source>Order {id} was refunded already, on {when}: {refund} was paid back then. There is nothing more to refund.</source>
        <translation>订单 {id} 已于 {when} 退款：当时已退还 {refund}。没有可再退的金额。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/refund_texts.py" line="11"/>
        <source>Order {id} was refunded already, on {when}: that refund paid back {refund}, and its part refunds before it the rest of the {refunded_total} paid back in all. There is nothing more to refund.</source>
        <translation>订单 {id} 已于 {when} 退款：那次退款退还了 {refund}，此前的部分退款退还了其余部分，合计共退还 {refunded_total}。没有可再退的金额。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/refund_texts.py" line="15"/>
        <source>Order {id} was refunded already, before this version of Voucher Shop: {refund} was paid back. There is nothing more to refund.</source>
        <translation>订单 {id} 在本版本之前已退款：已退还 {refund}。没有可再退的金额。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/refund_texts.py" line="19"/>
        <source>{refund} of it was for reload order {order} ({method}), refunded with the card.</source>
        <translation>其中 {refund} 是充值订单 {order}（{method}）的金额，随卡一并退款。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/refund_texts.py" line="26"/>
        <source>The key was not replaced: order {order} was refunded on {when}, so the customer has the money back. Nothing was changed.</source>
        <translation>卡密未更换：订单 {order} 已于 {when} 退款，顾客已拿回钱款。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/refund_texts.py" line="29"/>
        <source>The key was not replaced: order {order} was refunded, so the customer has the money back. Nothing was changed.</source>
        <translation>卡密未更换：订单 {order} 已退款，顾客已拿回钱款。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/refund_texts.py" line="33"/>
        <source>This redemption cannot be undone: the voucher was refunded on {when}, so there is no use to give back to it. Nothing was changed.</source>
        <translation>无法撤销这次核销：这张卡券已于 {when} 退款，没有可退回的次数。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/refund_texts.py" line="36"/>
        <source>This redemption cannot be undone: the voucher was refunded, so there is no use to give back to it. Nothing was changed.</source>
        <translation>无法撤销这次核销：这张卡券已退款，没有可退回的次数。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/refund_texts.py" line="42"/>
        <source>This spend cannot be undone: the card was refunded on {when} and its balance paid back, so the money cannot go back onto it. Nothing was changed.</source>
        <translation>无法撤销这次消费：这张卡已于 {when} 退款，余额已退给顾客，这笔钱不能再退回卡内。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/refund_texts.py" line="45"/>
        <source>This spend cannot be undone: the card was refunded and its balance paid back, so the money cannot go back onto it. Nothing was changed.</source>
        <translation>无法撤销这次消费：这张卡已退款，余额已退给顾客，这笔钱不能再退回卡内。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="439"/>
        <source>The {count} vouchers were issued (order {order}), but their file was not written. {problem} Do not issue them again: save or print them from the Orders tab (order {order}).</source>
        <translation>这 {count} 张卡券已经发出（订单 {order}），但文件没有写入。{problem}请不要再次发券：请在“订单”页（订单 {order}）保存或打印它们。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="443"/>
        <source>The disk that holds {folder} is full.</source>
        <translation>{folder} 所在的磁盘已满。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="444"/>
        <source>Cannot write to {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="10"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="11"/>
        <source>Too short: use at least {minimum} characters.</source>
        <translation>太短：至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="12"/>
        <source>Too long: use at most {maximum} characters.</source>
        <translation>太长：最多 {maximum} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="21"/>
        <source>{path} is a folder: give the name of a file in it.</source>
        <translation>{path} 是一个文件夹：请给出其中一个文件的名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="24"/>
        <source>One character of this key has a typo: compare each of its 7 groups with the paper. Its last character only tells that a character is wrong, not which one.</source>
        <translation>这个恢复密钥有一个字符输错了：请把 7 组逐一与纸上的核对。密钥的最后一个字符只能发现有字符错误，无法指出是哪一个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="27"/>
        <source>A recovery key has 28 characters (7 groups of 4); this has {symbols}: check for a group missed or typed twice.</source>
        <translation>恢复密钥共 28 个字符（7 组，每组 4 个），这里有 {symbols} 个：请检查是否漏输或重复输入了一组。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="30"/>
        <source>Group {group} holds “{character}”, which no recovery key has: check that group against the paper.</source>
        <translation>第 {group} 组含有“{character}”，恢复密钥中不会有这个字符：请把这一组与纸上的核对。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="33"/>
        <source>“{character}” is no part of a recovery key (it has digits and letters only, 7 groups of 4): check what was typed.</source>
        <translation>“{character}”不是恢复密钥的一部分（密钥只有数字和字母，7 组，每组 4 个）：请检查输入的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="36"/>
        <source>Use at most 64 characters, without line breaks or control characters.</source>
        <translation>最多 64 个字符，不能包含换行或控制字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="38"/>
        <source>Already taken. Choose another name.</source>
        <translation>该账号已存在，请换一个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="43"/>
        <source>Choose one of: {choices}.</source>
        <translation>请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="44"/>
        <source>Not a number.</source>
        <translation>不是有效的数字。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="47"/>
        <source>Cannot be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="48"/>
        <source>Use at most two decimal places.</source>
        <translation>最多两位小数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="49"/>
        <source>Too large.</source>
        <translation>数值过大。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="54"/>
        <source>Must be between {low} and {high}.</source>
        <translation>必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="57"/>
        <source>Card-key products count their stock from imported keys; leave it empty.</source>
        <translation>卡密商品的库存按已导入的卡密计算，请留空。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="59"/>
        <source>Must be later than the start.</source>
        <translation>必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="63"/>
        <source>This product does not sell card keys.</source>
        <translation>此商品不是卡密商品。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="64"/>
        <source>This product is archived and no longer sold.</source>
        <translation>此商品已下架，不再出售。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="68"/>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="70"/>
        <source>Use a three-letter currency code, like CNY.</source>
        <translation>请使用三个字母的货币代码，例如 CNY。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="71"/>
        <source>Use a file name ending in {allowed}.</source>
        <translation>文件名须以 {allowed} 结尾。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="72"/>
        <source>The folder {path} does not exist.</source>
        <translation>文件夹 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="202"/>
        <source>Redeeming is stopped: the shop&apos;s records are older than the last ones saved on this computer or beside a backup, so an old copy of the database may have been put back. The owner restores the latest good backup, or checks the shop (Admin → Verify) and acknowledges what was found.</source>
        <translation>核销已停止：店铺记录比本机或备份旁保存的最新记录还旧，可能有人放回了数据库的旧副本。请店主恢复最近一份完好的备份，或检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="54"/>
        <source>The key file of this shop ({path}) is missing or damaged, so nobody can unlock the shop. Restore your latest backup, which includes the key file. Do not create a new shop over it.</source>
        <translation>本店的密钥文件（{path}）丢失或已损坏，任何人都无法解锁店铺。请恢复最近的备份（备份中包含密钥文件）。不要在此处新建店铺覆盖它。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="27"/>
        <source>Cannot write to {path}: {reason}. Choose another place, or make that folder writable.</source>
        <translation>无法写入 {path}：{reason}。请选择其他位置，或让该文件夹可写。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="207"/>
        <source>Redeeming is stopped: the file that vouches for the shop&apos;s records is missing, so a rollback of the database cannot be ruled out. The owner restores the latest good backup, or checks the shop (Admin → Verify) and acknowledges what was found.</source>
        <translation>核销已停止：用于证明店铺记录的文件缺失，因此无法排除数据库被回退的可能。请店主恢复最近一份完好的备份，或检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="212"/>
        <source>Redeeming is stopped: the file that vouches for the shop&apos;s records is damaged, so a rollback of the database cannot be ruled out. The owner restores the latest good backup, or checks the shop (Admin → Verify) and acknowledges what was found.</source>
        <translation>核销已停止：用于证明店铺记录的文件已损坏，因此无法排除数据库被回退的可能。请店主恢复最近一份完好的备份，或检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="230"/>
        <source>Redeeming is stopped: the shop&apos;s records could not be vouched for. The owner restores the latest good backup, or checks the shop (Admin → Verify) and acknowledges what was found.</source>
        <translation>核销已停止：店铺记录无法得到验证。请店主恢复最近一份完好的备份，或检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="13"/>
        <source>Remove the line breaks, tabs or control characters.</source>
        <translation>请删除换行符、制表符或控制字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="15"/>
        <source>Choose a file outside the shop&apos;s folder: a backup there would overwrite the shop or be replaced with it.</source>
        <translation>请选择店铺文件夹以外的文件：备份放在店铺文件夹里，会覆盖店铺，或随店铺一起被替换。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="18"/>
        <source>This is the shop&apos;s own folder: backups cannot be kept there (a restore replaces that folder, backups and all). Choose a USB stick or another disk.</source>
        <translation>这是店铺自己的文件夹，不能存放备份（恢复时会替换整个文件夹，连同其中的备份）。请选择U盘或另一块磁盘。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="39"/>
        <source>A product called “{name}” already exists. Choose another name.</source>
        <translation>已有名为“{name}”的商品。请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="41"/>
        <source>An archived product is called “{name}”. Restore it, or choose another name.</source>
        <translation>已下架的商品中有“{name}”。请将它重新上架，或换一个名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="45"/>
        <source>Not a number: write the decimals after a point, {with_point}.</source>
        <translation>不是数字：小数请用小数点，如 {with_point}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="50"/>
        <source>The file is larger than {megabytes} MB, more than a list of card keys holds. Check that it is the right file, or split it into smaller ones.</source>
        <translation>该文件大于 {megabytes} MB，超出一份卡密清单应有的大小。请确认文件是否正确，或拆分为较小的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="53"/>
        <source>The file holds no card keys.</source>
        <translation>该文件中没有卡密。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="55"/>
        <source>Does not match the vouchers chosen. Choose them again.</source>
        <translation>与所选的卡券不符。请重新选择。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="60"/>
        <source>Must be today or later: vouchers sold now would be expired already.</source>
        <translation>必须是今天或之后的日期：否则现在售出的卡券已经过期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="62"/>
        <source>Must not be shorter than the shortest.</source>
        <translation>不能短于最短长度。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="65"/>
        <source>The validity of “{product}” has ended, so it is no longer sold. Give it new dates in Inventory, or archive it.</source>
        <translation>“{product}”的有效期已结束，因此不再出售。请在库存中为它设置新的日期，或将其下架。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="69"/>
        <source>The two PINs do not match.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="73"/>
        <source>Only service products and gift cards can be issued in a batch.</source>
        <translation>只有服务类商品和礼品卡可以批量发券。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="75"/>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="76"/>
        <source>The file {path} cannot be read.</source>
        <translation>无法读取文件 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="77"/>
        <source>The file is not an image (PNG, JPG…).</source>
        <translation>该文件不是图片（PNG、JPG…）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="78"/>
        <source>The file {path} is not an image (PNG, JPG…).</source>
        <translation>文件 {path} 不是图片（PNG、JPG…）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="80"/>
        <source>The file is not text in UTF-8 or GBK. Save it as UTF-8 (for a spreadsheet: CSV UTF-8) and try again.</source>
        <translation>该文件不是 UTF-8 或 GBK 编码的文本。请另存为 UTF-8（表格软件中选“CSV UTF-8”）后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="83"/>
        <source>This is an Excel workbook, which is not read. In Excel, choose File → Save As → “CSV UTF-8 (Comma delimited)”, then choose that file.</source>
        <translation>这是 Excel 工作簿，无法读取。请在 Excel 中选择 文件 → 另存为 →“CSV UTF-8（逗号分隔）”，再选择该文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="86"/>
        <source>Excel turned {count} card numbers into numbers like 1.10024E+15: their digits are lost, so nothing was imported. Use the supplier&apos;s original file, or format the column as Text in Excel before pasting the numbers, and save it as CSV UTF-8.</source>
        <translation>Excel 已把 {count} 个卡号变成了 1.10024E+15 这样的数字，原来的数字已丢失，因此没有导入任何卡密。请使用供应商的原始文件，或在 Excel 中先把该列设为“文本”格式再粘贴卡号，并另存为 CSV UTF-8。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="90"/>
        <source>Only gift cards carry a value.</source>
        <translation>只有礼品卡才有面值。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="91"/>
        <source>Must be more than zero.</source>
        <translation>必须大于零。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="92"/>
        <source>The folder {path} is not there. Is the USB stick or backup disk plugged in?</source>
        <translation>文件夹 {path} 不存在。U盘或备份磁盘插好了吗？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="95"/>
        <source>Not accepted.</source>
        <translation>无效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="99"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="100"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="101"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="102"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="103"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="104"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="105"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="106"/>
        <source>Uses per voucher</source>
        <translation>每张券可用次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="107"/>
        <source>Valid for (days)</source>
        <translation>有效天数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="108"/>
        <source>Gift card cash-out up to</source>
        <translation>礼品卡提现上限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="109"/>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="110"/>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="111"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="112"/>
        <source>Reusable key</source>
        <translation>通用卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="113"/>
        <source>Shortest key</source>
        <translation>最短卡密长度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="114"/>
        <source>Longest key</source>
        <translation>最长卡密长度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="115"/>
        <source>Key characters</source>
        <translation>卡密字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="116"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="117"/>
        <source>Items</source>
        <translation>商品明细</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="118"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="119"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="120"/>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="121"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="122"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="123"/>
        <source>Voucher code</source>
        <translation>券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="124"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="125"/>
        <source>Output file</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="126"/>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="127"/>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="128"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="129"/>
        <source>Value</source>
        <translation>面值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="130"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="131"/>
        <source>Expected refund</source>
        <translation>预期退款金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="132"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="133"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="134"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="135"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="136"/>
        <source>Station</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="137"/>
        <source>Address / phone</source>
        <translation>地址 / 电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="138"/>
        <source>Note on vouchers</source>
        <translation>卡券备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="139"/>
        <source>Low-stock warning</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="140"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="141"/>
        <source>Group by</source>
        <translation>分组方式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="142"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="143"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/input_texts.py" line="144"/>
        <source>Vouchers</source>
        <translation>卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="379"/>
        <source>A backup is being restored into this shop ({path}). Try again in a moment.</source>
        <translation>正在向本店恢复备份（{path}）。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="384"/>
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="385"/>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="386"/>
        <source>voucher</source>
        <translation>卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="387"/>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="388"/>
        <source>card key</source>
        <translation>卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="389"/>
        <source>redemption</source>
        <translation>核销记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="390"/>
        <source>backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="391"/>
        <source>gift card</source>
        <translation>礼品卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="396"/>
        <source>unpaid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="397"/>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="398"/>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="399"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="400"/>
        <source>already undone</source>
        <translation>已被撤销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="401"/>
        <source>not one that can be undone</source>
        <translation>不可撤销</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="402"/>
        <source>the shop&apos;s last owner</source>
        <translation>是店铺唯一的店主</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="403"/>
        <source>already used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="404"/>
        <source>not sold</source>
        <translation>未售出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="405"/>
        <source>sold</source>
        <translation>已售出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="407"/>
        <source>marked faulty</source>
        <translation>已标记为失效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="408"/>
        <source>changed by a sale since you opened it</source>
        <translation>在您打开后已因销售而变化</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="409"/>
        <source>void, expired or not paid</source>
        <translation>已作废、已过期或未付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="410"/>
        <source>already spent</source>
        <translation>已被消费</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="411"/>
        <source>empty, or holding more than may be paid out in cash</source>
        <translation>余额为零，或超过可提现的上限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/error_texts.py" line="413"/>
        <source>locked after too many wrong PINs; try later</source>
        <translation>因 PIN 码错误次数过多已锁定，请稍后再试</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/__init__.py" line="188"/>
        <source>Too many wrong passwords. Wait {seconds} seconds, then try again.</source>
        <translation>密码错误次数过多。请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/__init__.py" line="191"/>
        <source>Too many wrong passwords. Wait {minutes} minutes, then try again, or ask the owner to reset the password.</source>
        <translation>密码错误次数过多。请等待 {minutes} 分钟后再试，或请店主重置密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/__init__.py" line="201"/>
        <source>Too many wrong passwords for this operator. Wait a few minutes, then try again.</source>
        <translation>该操作员密码错误次数过多。请等几分钟再试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/__init__.py" line="205"/>
        <source>Too many wrong passwords. Wait {minutes} minutes, then try again.</source>
        <translation>密码错误次数过多。请等待 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/__init__.py" line="213"/>
        <source>The recovery key was not tried yet: after too many wrong passwords or recovery keys for this name, it can be tried again in {seconds} seconds.</source>
        <translation>恢复密钥尚未验证：此账号的密码或恢复密钥错误次数过多，{seconds} 秒后可再试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/__init__.py" line="217"/>
        <source>The recovery key was not tried yet: after too many wrong passwords or recovery keys for this name, it can be tried again in {minutes} minutes.</source>
        <translation>恢复密钥尚未验证：此账号的密码或恢复密钥错误次数过多，{minutes} 分钟后可再试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="15"/>
        <source>Stopped: nothing can be redeemed or changed. The latest backup was restored over data too damaged to read, so the records newer than the backup could not be carried over (they are in the damaged data, kept in the before-restore folder), and vouchers redeemed since the backup could be redeemed again. What is left: the owner checks the latest redemptions, then checks the shop (Admin → Verify) and acknowledges what was found.</source>
        <translation>已暂停：不能核销，也不能做任何更改。最新的备份恢复时覆盖了已损坏、无法读取的数据，因此比备份更新的记录无法带入（它们在已损坏的数据中，保存在“before-restore”文件夹里），备份之后已核销的卡券可能被再次核销。剩下要做的：店主核对最近的核销，然后校验店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="22"/>
        <source>Stopped: nothing can be redeemed or changed. A backup was restored, and the shop stays stopped because a record on this computer or beside a backup vouches for newer records than the backup holds ({problems}). What is left: the owner restores the newer backup, if there is one, or checks the shop (Admin → Verify) and acknowledges what was found.</source>
        <translation>已停止：不能核销，也不能做任何更改。已恢复一份备份，但店铺仍然停止，因为这台电脑上或备份旁的记录证明存在比该备份更新的记录（{problems}）。剩下要做的：店主恢复更新的那份备份（如有），或检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="28"/>
        <source>Stopped: nothing can be redeemed or changed, because another computer works on this same shop: its backup in the backup folder has records this computer does not have. Use the shop on one computer only. The owner restores the other computer&apos;s newest backup here to bring its records in (redemptions made on this computer are carried over; the restore first names what else of this computer&apos;s it lacks), or checks the shop (Admin → Verify) and acknowledges what was found.</source>
        <translation>已停止：不能核销，也不能做任何更改，因为另一台电脑也在使用本店：它在备份文件夹中的备份有这台电脑没有的记录。请只在一台电脑上使用本店。店主可以在这里恢复另一台电脑最新的备份以并入它的记录（这台电脑上的核销会被保留；恢复前会先列出这台电脑的其他哪些记录会缺失），或检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="36"/>
        <source>Stopped: nothing can be redeemed or changed, because the shop&apos;s database file is damaged. The owner restores the latest backup (Admin → Restore from backup…); the restore keeps the damaged file aside.</source>
        <translation>已暂停：不能核销，也不能做任何更改，因为店铺的数据库文件已损坏。请店主恢复最近的备份（管理 → 从备份恢复…）；恢复时会把损坏的文件另存一旁。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="43"/>
        <source>Stopped: nothing can be redeemed or changed. The latest backup was restored over data too damaged to read, so the records newer than the backup could not be carried over (they are in the damaged data, kept in the before-restore folder), and vouchers redeemed since the backup could be redeemed again. What is left: the owner checks the latest redemptions, then checks the shop (verify) and acknowledges what was found (verify --acknowledge).</source>
        <translation>已暂停：不能核销，也不能做任何更改。最新的备份恢复时覆盖了已损坏、无法读取的数据，因此比备份更新的记录无法带入（它们在已损坏的数据中，保存在“before-restore”文件夹里），备份之后已核销的卡券可能被再次核销。剩下要做的：店主核对最近的核销，然后校验店铺（verify）并确认发现的问题（verify --acknowledge）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="50"/>
        <source>Stopped: nothing can be redeemed or changed, because the shop&apos;s database file is damaged. The owner restores the latest backup (restore FILE); the restore keeps the damaged file aside.</source>
        <translation>已暂停：不能核销，也不能做任何更改，因为店铺的数据库文件已损坏。请店主恢复最近的备份（restore 文件）；恢复时会把损坏的文件另存一旁。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="54"/>
        <source>Stopped: nothing can be redeemed or changed. A backup was restored, and the shop stays stopped because a record on this computer or beside a backup vouches for newer records than the backup holds ({problems}). What is left: the owner restores the newer backup, if there is one (restore FILE), or checks the shop (verify) and acknowledges what was found (verify --acknowledge).</source>
        <translation>已停止：不能核销，也不能做任何更改。已恢复一份备份，但店铺仍然停止，因为这台电脑上或备份旁的记录证明存在比该备份更新的记录（{problems}）。剩下要做的：店主恢复更新的那份备份（如有，restore FILE），或检查店铺（verify）并确认发现的问题（verify --acknowledge）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="60"/>
        <source>Stopped: nothing can be redeemed or changed, because another computer works on this same shop: its backup in the backup folder has records this computer does not have. Use the shop on one computer only. The owner restores the other computer&apos;s newest backup here to bring its records in (redemptions made on this computer are carried over; the restore first names what else of this computer&apos;s it lacks), or checks the shop (verify) and acknowledges what was found (verify --acknowledge).</source>
        <translation>已停止：不能核销，也不能做任何更改，因为另一台电脑也在使用本店：它在备份文件夹中的备份有这台电脑没有的记录。请只在一台电脑上使用本店。店主可以在这里恢复另一台电脑最新的备份以并入它的记录（这台电脑上的核销会被保留；恢复前会先列出这台电脑的其他哪些记录会缺失），或检查店铺（verify）并确认发现的问题（verify --acknowledge）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="72"/>
        <source>Redeeming is still stopped after the restore: the data it replaced was too damaged to read, so its records newer than the backup could not be carried over. They are in the damaged data, kept in the before-restore folder; vouchers redeemed since the backup may look unused and could be used again. What is left: the owner checks the latest redemptions (receipts, the counters&apos; lists), then acknowledges in Admin → Verify.</source>
        <translation>恢复后仍暂停核销：被替换的数据已损坏、无法读取，因此其中比备份更新的记录无法带入。它们在已损坏的数据中，保存在“before-restore”文件夹里；备份之后已核销的卡券可能显示为未使用，并可能被再次使用。剩下要做的：店主核对最近的核销（小票、各收银台的列表），然后在 管理 → 校验数据库 中确认问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="79"/>
        <source>Redeeming is still stopped after the restore: a record on this computer or beside a backup vouches for records that neither the restored backup nor the data it replaced holds, and vouchers redeemed in them may look unused again. What is left: the owner restores a newer backup of the shop, if there is one, or checks the shop (Admin → Verify) and acknowledges what was found.</source>
        <translation>恢复后仍然停止核销：这台电脑上或备份旁的记录证明存在一些记录，而恢复的备份和被替换的数据中都没有，其中已核销的卡券可能重新显示为未使用。剩下要做的：店主恢复本店更新的备份（如有），或检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="96"/>
        <source>Redeeming is still stopped after the restore: an older backup was restored, and a newer backup of this shop is beside it: {newer_backup}. It holds the records this one lacks. What is left: the owner restores that one (Admin → Restore from backup).</source>
        <translation>恢复后仍然停止核销：恢复的是一份较旧的备份，它旁边有本店更新的备份：{newer_backup}，其中有这份备份缺少的记录。剩下要做的：店主改为恢复那一份（管理 → 从备份恢复）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="100"/>
        <source>Stopped: nothing can be redeemed or changed. An older backup was restored, and a newer backup of this shop is beside it: {newer_backup}. What is left: the owner restores that one (Admin → Restore from backup).</source>
        <translation>已停止：不能核销，也不能做任何更改。恢复的是一份较旧的备份，它旁边有本店更新的备份：{newer_backup}。剩下要做的：店主改为恢复那一份（管理 → 从备份恢复）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="104"/>
        <source>Stopped: nothing can be redeemed or changed. An older backup was restored, and a newer backup of this shop is beside it: {newer_backup}. What is left: the owner restores that one (restore FILE).</source>
        <translation>已停止：不能核销，也不能做任何更改。恢复的是一份较旧的备份，它旁边有本店更新的备份：{newer_backup}。剩下要做的：店主改为恢复那一份（restore FILE）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/hold_texts.py" line="85"/>
        <source>Redeeming is stopped: another computer works on this same shop (its backup in the backup folder has records this computer does not have). Use the shop on one computer only. The owner restores the other computer&apos;s newest backup here to bring its records in (redemptions made on this computer are carried over; the restore first names what else of this computer&apos;s it lacks), or checks the shop (Admin → Verify) and acknowledges what was found.</source>
        <translation>已停止核销：另一台电脑也在使用本店（它在备份文件夹中的备份有这台电脑没有的记录）。请只在一台电脑上使用本店。店主可以在这里恢复另一台电脑最新的备份以并入它的记录（这台电脑上的核销会被保留；恢复前会先列出这台电脑的其他哪些记录会缺失），或检查店铺（管理 → 校验数据库）并确认发现的问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/disk_texts.py" line="11"/>
        <source>The disk that holds the shop ({shop_folder}) is full. Nothing already saved was lost, but the last change was not saved. Free some space on that disk, then do it again.</source>
        <translation>店铺所在的磁盘（{shop_folder}）已满。已保存的数据没有丢失，但最后一次修改未能保存。请在该磁盘上腾出空间，然后再做一次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/disk_texts.py" line="15"/>
        <source>The disk that holds the shop ({shop_folder}) is full, so the shop could not be opened: even reading it needs a little free room on that disk. Nothing was changed and nothing was lost. Free some space there (a few MB), then try again.</source>
        <translation>店铺所在的磁盘（{shop_folder}）已满，因此无法打开店铺：即使只是读取，也需要该磁盘上有一点空余空间。没有做任何更改，也没有丢失任何数据。请在该磁盘上腾出一些空间（几 MB），然后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/disk_texts.py" line="19"/>
        <source>The disk that holds the shop ({shop_folder}) is full: the shop notes this in its records first and has no room for that, so it was not done. Nothing was changed and nothing was lost. Free some space on that disk, then do it again.</source>
        <translation>店铺所在的磁盘（{shop_folder}）已满：店铺要先把这一步记入记录，但没有空间，因此没有执行。没有做任何更改，也没有丢失任何数据。请在该磁盘上腾出空间，然后再做一次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/disk_texts.py" line="23"/>
        <source>The disk that holds the shop ({shop_folder}) is full, so the backup was not written: the shop notes each backup in its records first and has no room for that. Nothing was lost, and the backup&apos;s folder is not the problem. Free some space on the shop&apos;s disk, then back up again.</source>
        <translation>店铺所在的磁盘（{shop_folder}）已满，因此没有写入备份：店铺会先把每次备份记入记录，但没有空间。没有丢失任何数据，问题也不在备份文件夹。请在店铺所在的磁盘上腾出空间，然后重新备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/disk_texts.py" line="28"/>
        <source>The shop could not be created: the disk that holds {shop_folder} is full. Nothing was made there. Free some space on that disk, then try again.</source>
        <translation>无法创建店铺：{shop_folder} 所在的磁盘已满。那里没有创建任何内容。请在该磁盘上腾出空间，然后重试。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="24"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="25"/>
        <source>Card key</source>
        <translation>卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="26"/>
        <source>Goods</source>
        <translation>实物</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="27"/>
        <source>Gift card</source>
        <translation>礼品卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="30"/>
        <source>Unpaid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="31"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="32"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="33"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="10"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="11"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="12"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="13"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="14"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="38"/>
        <source>Refunded, {amount} paid back</source>
        <translation>已退款，退还 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="84"/>
        <source>Mistyped or not this shop&apos;s voucher</source>
        <translation>输错或非本店卡券</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="93"/>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="111"/>
        <source>too long for a key</source>
        <translation>太长，不是卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="112"/>
        <source>holds a control character</source>
        <translation>含有控制字符</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="113"/>
        <source>a column name, not a key</source>
        <translation>是列名，不是卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="114"/>
        <source>the key&apos;s column is empty</source>
        <translation>卡密所在列为空</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="115"/>
        <source>not the product&apos;s key pattern</source>
        <translation>不符合该商品的卡密格式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="145"/>
        <source>Before this login, 1 wrong password was typed for your name.</source>
        <translation>本次登录前，有人用您的账号输错了 1 次密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/labels.py" line="146"/>
        <source>Before this login, {count} wrong passwords were typed for your name.</source>
        <translation>本次登录前，有人用您的账号输错了 {count} 次密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/display.py" line="42"/>
        <source>Unsold</source>
        <translation>未售</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/display.py" line="43"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/display.py" line="44"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/display.py" line="45"/>
        <source>Faulty</source>
        <translation>失效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/display.py" line="107"/>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/display.py" line="109"/>
        <source>Until {end}</source>
        <translation>至 {end}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/display.py" line="120"/>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/display.py" line="121"/>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/display.py" line="113"/>
        <source>From {start}</source>
        <translation>{start} 起</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter/lookup_models.py" line="126"/>
        <location filename="../../desktop_app/ui/display.py" line="115"/>
        <source>No expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/display.py" line="145"/>
        <source>Batch</source>
        <translation>批量发券</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="28"/>
        <source>Balance {amount}</source>
        <translation>余额 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="21"/>
        <location filename="../../desktop_app/printing/wording.py" line="33"/>
        <source>{left} of {total} uses left</source>
        <translation>剩余 {left}/{total} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="36"/>
        <source>1 use</source>
        <translation>可用 1 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="37"/>
        <source>{count} uses</source>
        <translation>可用 {count} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="48"/>
        <source>Valid from {start}, no expiry</source>
        <translation>自 {start} 起长期有效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="49"/>
        <source>No expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="52"/>
        <source>Valid {start} to {end}</source>
        <translation>有效期 {start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="53"/>
        <source>Valid until {date}</source>
        <translation>有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="57"/>
        <source>Order {order} · issued {date}</source>
        <translation>订单 {order} · {date} 发放</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="62"/>
        <source>Voucher code</source>
        <translation>券码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="66"/>
        <source>Card key</source>
        <translation>卡密</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="80"/>
        <source>Activate the key above where the product says (publisher&apos;s site or app).</source>
        <translation>请按商品说明，在发行方网站或应用中激活上方卡密。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="82"/>
        <source>Show the QR code, or tell the code, at the counter.</source>
        <translation>到店出示二维码或报券码即可核销。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="90"/>
        <source>VOID – not valid</source>
        <translation>已作废 – 无效</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="92"/>
        <source>Used up – no uses left</source>
        <translation>已用完 – 无剩余次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="94"/>
        <source>Expired – it was valid until {date}</source>
        <translation>已过期 – 有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/wording.py" line="102"/>
        <source>Card key faulty – a replacement is owed</source>
        <translation>卡密失效 – 待更换</translation>
    </message>
    <message>
        <location filename="../../desktop_app/printing/output.py" line="124"/>
        <source>Vouchers</source>
        <translation>卡券</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../desktop_app/messages/__init__.py" line="373"/>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../desktop_app/messages/__init__.py" line="374"/>
        <source>Clerk</source>
        <translation>核销员</translation>
    </message>
</context>
<context>
    <name>selftest</name>
    <message>
        <location filename="../../desktop_app/selftest.py" line="83"/>
        <source>QR version {version}, decoded by {decoders}</source>
        <translation>二维码版本 {version}，可由 {decoders} 识别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/selftest.py" line="103"/>
        <source>platform {platform}, translations ok</source>
        <translation>平台 {platform}，翻译正常</translation>
    </message>
    <message>
        <location filename="../../desktop_app/selftest.py" line="126"/>
        <source>{count} tabs</source>
        <translation>{count} 个标签页</translation>
    </message>
    <message>
        <location filename="../../desktop_app/selftest.py" line="133"/>
        <source>encrypted store</source>
        <translation>加密存储</translation>
    </message>
    <message>
        <location filename="../../desktop_app/selftest.py" line="134"/>
        <source>QR render and decode</source>
        <translation>二维码生成与识别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/selftest.py" line="135"/>
        <source>PostgreSQL driver</source>
        <translation>PostgreSQL 驱动</translation>
    </message>
    <message>
        <location filename="../../desktop_app/selftest.py" line="136"/>
        <source>Qt and translations</source>
        <translation>Qt 与翻译</translation>
    </message>
    <message>
        <location filename="../../desktop_app/selftest.py" line="137"/>
        <source>main window</source>
        <translation>主窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_app/selftest.py" line="143"/>
        <source>PASS {name}: {detail}</source>
        <translation>通过 {name}：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/selftest.py" line="147"/>
        <source>FAIL {name}: {detail}</source>
        <translation>失败 {name}：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/selftest.py" line="151"/>
        <source>self-test passed</source>
        <translation>自检通过</translation>
    </message>
    <message>
        <location filename="../../desktop_app/selftest.py" line="151"/>
        <source>self-test FAILED: {count} check(s)</source>
        <translation>自检失败：{count} 项检查未通过</translation>
    </message>
</context>
</TS>
